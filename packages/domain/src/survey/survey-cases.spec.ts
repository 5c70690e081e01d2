import { describe, expect, it } from '@jest/globals';
import {
  canWorkLowScoreCase,
  caseDueAt,
  closedOnTimeRate,
  decideCaseTransition,
  isCaseOverdue,
} from './survey-cases.js';
import { CASE_STATUSES, DEFAULT_SURVEY_POLICY, type CaseStatus } from './survey.types.js';

const HOUR = 3_600_000;
const openedAt = new Date('2026-11-25T03:00:00Z');
const dueAt = new Date('2026-11-26T03:00:00Z');
const plus = (ms: number) => new Date(dueAt.getTime() + ms);

describe('caseDueAt', () => {
  it('is caseDueHours after opening', () => {
    expect(caseDueAt(openedAt, DEFAULT_SURVEY_POLICY)).toEqual(dueAt);
    expect(caseDueAt(openedAt, { ...DEFAULT_SURVEY_POLICY, caseDueHours: 4 })).toEqual(
      new Date('2026-11-25T07:00:00Z'),
    );
  });
});

describe('decideCaseTransition', () => {
  const allowed: Array<[CaseStatus, CaseStatus]> = [
    ['open', 'contacted'],
    ['open', 'resolved'],
    ['contacted', 'contacted'],
    ['contacted', 'resolved'],
  ];
  const pairs = CASE_STATUSES.flatMap((from) =>
    CASE_STATUSES.map((to) => [from, to] as [CaseStatus, CaseStatus]),
  );

  it.each(pairs)('%s → %s', (from, to) => {
    const ok = allowed.some(([f, t]) => f === from && t === to);
    const expected = ok
      ? { allowed: true }
      : { allowed: false, reason: from === 'resolved' ? '回访已解决，不能再修改' : '回访不能改回待联系' };
    expect(decideCaseTransition(from, to)).toEqual(expected);
  });
});

describe('isCaseOverdue', () => {
  it('is overdue when not resolved after the due time', () => {
    for (const status of ['open', 'contacted'] as const) {
      expect(isCaseOverdue({ status, dueAt, resolvedAt: null }, dueAt)).toBe(false);
      expect(isCaseOverdue({ status, dueAt, resolvedAt: null }, plus(1))).toBe(true);
    }
  });

  it('stays overdue when resolved late, and is not when resolved in time', () => {
    const later = plus(10 * HOUR);
    expect(isCaseOverdue({ status: 'resolved', dueAt, resolvedAt: plus(HOUR) }, later)).toBe(true);
    expect(isCaseOverdue({ status: 'resolved', dueAt, resolvedAt: dueAt }, later)).toBe(false);
  });
});

describe('closedOnTimeRate', () => {
  it('is the share of resolved cases resolved by their due time', () => {
    // Resolved: on time, exactly at due, late → 2 / 3. Open ones are not counted.
    expect(
      closedOnTimeRate([
        { status: 'resolved', dueAt, resolvedAt: plus(-HOUR) },
        { status: 'resolved', dueAt, resolvedAt: dueAt },
        { status: 'resolved', dueAt, resolvedAt: plus(HOUR) },
        { status: 'open', dueAt, resolvedAt: null },
        { status: 'contacted', dueAt, resolvedAt: null },
      ]),
    ).toBeCloseTo(2 / 3, 10);
  });

  it('is null when nothing is resolved yet', () => {
    expect(closedOnTimeRate([])).toBeNull();
    expect(closedOnTimeRate([{ status: 'open', dueAt, resolvedAt: null }])).toBeNull();
  });
});

describe('canWorkLowScoreCase', () => {
  it('lets a consultant work only the cases they own', () => {
    expect(canWorkLowScoreCase({ id: 7, role: 'consultant' }, 7)).toBe(true);
    expect(canWorkLowScoreCase({ id: 7, role: 'consultant' }, 8)).toBe(false);
    expect(canWorkLowScoreCase({ id: 7, role: 'consultant' }, null)).toBe(false);
  });

  it('lets managers and admins work any case, owned by anyone or nobody', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(canWorkLowScoreCase({ id: 1, role }, 1)).toBe(true);
      expect(canWorkLowScoreCase({ id: 1, role }, 8)).toBe(true);
      expect(canWorkLowScoreCase({ id: 1, role }, null)).toBe(true);
    }
  });
});
