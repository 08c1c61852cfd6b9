export * from './check-uscc.js';
export * from './uscc-departments.js';
export * from './size-sectors.js';
export * from './industry-codes.js';
export * from './qualification-kinds.js';
