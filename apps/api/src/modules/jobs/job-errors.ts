/** A job handler's way to say "not now": the job runs again after `delayMs` (default: the kind's backoff). */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super(message);
  }
}

/** A failure that running again cannot fix: the job gives up at once (dead) and its onGiveUp runs. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
