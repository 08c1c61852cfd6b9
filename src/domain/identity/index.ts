export * from './roles.js';
export * from './actor.js';
export * from './check-password-strength.js';
