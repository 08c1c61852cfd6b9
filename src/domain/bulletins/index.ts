export * from './bulletin-types.js';
export * from './bulletin-vocabulary.js';
export * from './bulletin-month.js';
export { computeFigures, isOverdueIn, rateOf, type Period } from './compute-bulletin-figures.js';
export * from './compute-bulletin-stats.js';
export * from './mask-personal-text.js';
export * from './decide-bulletin-action.js';
export * from './wechat-publish-job.js';
export * from './wechat-error-text.js';
