export * from './classify-sme-size.js';
