import type { SubscriptionChoice, SubscriptionMoment } from '@dealer-care/domain';

/**
 * One-time subscriptions (订阅消息), the pure part: which template ids to ask for, what the answer
 * says, and the ask itself with its side effects passed in (services/subscribe.ts wires Taro and
 * the API). WeChat opens the prompt only when `requestSubscribeMessage` runs inside the tap handler,
 * before any await, so the template ids are fetched ahead (`prepare`) and read synchronously (`peek`).
 */

/**
 * What the flow learns: accepted (at least one template), rejected (all answered no, or the prompt
 * failed: no message will reach the customer), skipped (not asked).
 */
export type SubscribeOutcome = 'accepted' | 'rejected' | 'skipped';

/** WeChat takes at most three template ids per prompt. */
export const MAX_TEMPLATES_PER_PROMPT = 3;

/** Template ids change only with the server's configuration; a fetched list serves this long. */
export const TEMPLATE_CACHE_MS = 30 * 60 * 1000;

const CHOICES: readonly SubscriptionChoice[] = ['accept', 'reject', 'ban', 'filter'];

/** Non-empty, distinct ids in the server's order, at most three. */
export function templateIdsToAsk(ids: readonly unknown[] | null | undefined): string[] {
  const out: string[] = [];
  for (const id of ids ?? []) {
    if (typeof id !== 'string') continue;
    const trimmed = id.trim();
    if (trimmed && !out.includes(trimmed)) out.push(trimmed);
    if (out.length === MAX_TEMPLATES_PER_PROMPT) break;
  }
  return out;
}

/**
 * The answer per asked template id, from requestSubscribeMessage's result
 * (`{ errMsg: 'requestSubscribeMessage:ok', '<id>': 'accept' | 'reject' | 'ban' | 'filter' }`).
 * Keys that were not asked for and unknown values are left out.
 */
export function choicesFromResult(
  result: unknown,
  asked: readonly string[],
): Record<string, SubscriptionChoice> {
  const choices: Record<string, SubscriptionChoice> = {};
  if (!result || typeof result !== 'object') return choices;
  const answer = result as Record<string, unknown>;
  for (const id of asked) {
    const value = answer[id];
    if (typeof value === 'string' && (CHOICES as readonly string[]).includes(value)) {
      choices[id] = value as SubscriptionChoice;
    }
  }
  return choices;
}

export function outcomeOfChoices(choices: Record<string, SubscriptionChoice>): SubscribeOutcome {
  const values = Object.values(choices);
  if (values.length === 0) return 'skipped';
  return values.includes('accept') ? 'accepted' : 'rejected';
}

/** The template ids per moment, kept for `maxAgeMs`; a failed fetch leaves nothing cached (tried again next time). */
export interface TemplateCache {
  /** The fresh ids of `moment`, synchronously; null when none are known yet. */
  peek(moment: SubscriptionMoment): string[] | null;
  /** Fetches the ids of `moment` unless fresh or already on the way. Never rejects. */
  prepare(moment: SubscriptionMoment): Promise<void>;
}

export function createTemplateCache(
  load: (moment: SubscriptionMoment) => Promise<readonly string[]>,
  now: () => number = Date.now,
  maxAgeMs = TEMPLATE_CACHE_MS,
): TemplateCache {
  const entries = new Map<SubscriptionMoment, { ids: string[]; at: number }>();
  const inFlight = new Map<SubscriptionMoment, Promise<void>>();

  function peek(moment: SubscriptionMoment): string[] | null {
    const entry = entries.get(moment);
    return entry && now() - entry.at < maxAgeMs ? entry.ids : null;
  }

  function prepare(moment: SubscriptionMoment): Promise<void> {
    if (peek(moment)) return Promise.resolve();
    const running = inFlight.get(moment);
    if (running) return running;
    const loading = load(moment)
      .then(
        (ids) => {
          entries.set(moment, { ids: templateIdsToAsk(ids), at: now() });
        },
        () => undefined,
      )
      .finally(() => inFlight.delete(moment));
    inFlight.set(moment, loading);
    return loading;
  }

  return { peek, prepare };
}

export interface SubscriptionDeps {
  cache: TemplateCache;
  /** False where requestSubscribeMessage does not exist (H5): nothing is asked. */
  supported: boolean;
  /** requestSubscribeMessage itself; must be called synchronously, and it is. */
  request: (templateIds: string[]) => Promise<unknown>;
  /** Tells the server the answers; its failure is ignored. */
  record: (moment: SubscriptionMoment, choices: Record<string, SubscriptionChoice>) => Promise<unknown>;
}

/**
 * Asks for the moment's subscriptions; call it first thing in a tap handler. The prompt is opened
 * synchronously when the ids are already known; when they are not (the prefetch is still running or
 * failed) nothing is asked this time and the fetch is started for the next tap. Resolves once the
 * customer has answered (a failed prompt counts as rejected); never rejects. The answers go to the server in the background.
 */
export function askForSubscriptions(
  moment: SubscriptionMoment,
  deps: SubscriptionDeps,
): Promise<SubscribeOutcome> {
  if (!deps.supported) return Promise.resolve('skipped');
  const ids = deps.cache.peek(moment);
  if (ids === null) {
    void deps.cache.prepare(moment);
    return Promise.resolve('skipped');
  }
  if (ids.length === 0) return Promise.resolve('skipped');
  let prompt: Promise<unknown>;
  try {
    prompt = deps.request(ids);
  } catch {
    return Promise.resolve('skipped');
  }
  return Promise.resolve(prompt).then(
    (result) => {
      const choices = choicesFromResult(result, ids);
      if (Object.keys(choices).length > 0) {
        try {
          deps.record(moment, choices).catch(() => undefined);
        } catch {
          // The report is best effort: the grant simply is not counted.
        }
      }
      return outcomeOfChoices(choices);
    },
    // Base library too old, 订阅消息 switched off in the settings (20004): no message will reach them.
    () => 'rejected' as const,
  );
}
