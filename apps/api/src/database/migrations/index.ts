import { Init1763900000000 } from './1763900000000-init.js';
import { TestDriveBookings1764000000000 } from './1764000000000-test-drive-bookings.js';
import { NotificationOutbox1764100000000 } from './1764100000000-notification-outbox.js';
import { Deliveries1764200000000 } from './1764200000000-deliveries.js';
import { Surveys1764300000000 } from './1764300000000-surveys.js';
import { FollowUps1764400000000 } from './1764400000000-follow-ups.js';
import { IdempotencyResource1764500000000 } from './1764500000000-idempotency-resource.js';
import { NotificationGrantTaken1764600000000 } from './1764600000000-notification-grant-taken.js';

/** Every migration in order. Append new ones; never edit one that has shipped. */
export const MIGRATIONS = [
  Init1763900000000,
  TestDriveBookings1764000000000,
  NotificationOutbox1764100000000,
  Deliveries1764200000000,
  Surveys1764300000000,
  FollowUps1764400000000,
  IdempotencyResource1764500000000,
  NotificationGrantTaken1764600000000,
];
