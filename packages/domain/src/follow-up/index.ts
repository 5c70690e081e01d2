export * from './follow-up.types.js';
export * from './follow-up-hours.js';
export * from './follow-up-rules.js';
export * from './follow-up-reschedule.js';
export * from './follow-up-views.js';
export * from './follow-up-outcome.js';
export * from './follow-up-inbox.js';
export * from './follow-up-stats.js';
