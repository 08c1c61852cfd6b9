export * from './visit-vocabulary.js';
export * from './find-slot-conflicts.js';
export * from './weekly-compliance.js';
export * from './coverage-warning.js';
export * from './count-visits.js';
