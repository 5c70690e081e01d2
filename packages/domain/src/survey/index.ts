export * from './survey.types.js';
