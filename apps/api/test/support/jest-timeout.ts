import { jest } from '@jest/globals';

// Booting the app on a fresh database (migrations, seed, argon2 hashing) takes seconds on a busy CI machine.
jest.setTimeout(60_000);
