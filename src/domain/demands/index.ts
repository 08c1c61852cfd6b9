export * from './demand-vocabulary.js';
export * from './demand-parties.js';
export * from './decide-demand-action.js';
export * from './compute-deadline.js';
export * from './measure-text-similarity.js';
export * from './anonymise-demand-text.js';
export * from './demand-channels.js';
export * from './attachment-kinds.js';
