export * from './booking.types.js';
export * from './availability.js';
export * from './booking-lifecycle.js';
export * from './booking-rules.js';
export * from './booking-policy.js';
