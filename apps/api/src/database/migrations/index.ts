import { Init1763900000000 } from './1763900000000-init.js';

/** Every migration in order. Append new ones; never edit one that has shipped. */
export const MIGRATIONS = [Init1763900000000];
