export * from './delivery.types.js';
export * from './delivery-lifecycle.js';
export * from './delivery-rules.js';
export * from './delivery-attention.js';
export * from './delivery-display.js';
