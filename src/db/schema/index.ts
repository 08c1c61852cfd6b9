export * from './zones.js';
export * from './identity.js';
export * from './audit.js';
export * from './enterprises.js';
export * from './calendar.js';
export * from './demands.js';
export * from './visits.js';
export * from './bulletins.js';
