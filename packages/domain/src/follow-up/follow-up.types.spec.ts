import { describe, expect, it } from '@jest/globals';
import {
  FOLLOW_UP_EVENT_SOURCE,
  FOLLOW_UP_OUTCOME_LABEL_ZH,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_TASK_KIND_LABEL_ZH,
  FOLLOW_UP_TASK_KINDS,
  FOLLOW_UP_TASK_STATUS_LABEL_ZH,
  FOLLOW_UP_TASK_STATUSES,
  INTENT_FOLLOW_UP_DAYS,
  INTENT_LEVEL_LABEL_ZH,
  INTENT_LEVELS,
} from './follow-up.types.js';

describe('follow-up labels', () => {
  it('has a Chinese label for every kind, status, outcome and intent level', () => {
    expect(Object.keys(FOLLOW_UP_TASK_KIND_LABEL_ZH)).toEqual([...FOLLOW_UP_TASK_KINDS]);
    expect(Object.keys(FOLLOW_UP_TASK_STATUS_LABEL_ZH)).toEqual([...FOLLOW_UP_TASK_STATUSES]);
    expect(Object.keys(FOLLOW_UP_OUTCOME_LABEL_ZH)).toEqual([...FOLLOW_UP_OUTCOMES]);
    expect(Object.keys(INTENT_LEVEL_LABEL_ZH)).toEqual([...INTENT_LEVELS]);
    expect(FOLLOW_UP_TASK_KIND_LABEL_ZH.delivery_t3_call).toBe('交车前3天确认电话');
    expect(FOLLOW_UP_OUTCOME_LABEL_ZH.complaint_escalated).toBe('客户投诉，已升级经理');
  });

  it('follows up H/A/B/C prospects every 2/3/7/15 days', () => {
    expect(INTENT_FOLLOW_UP_DAYS).toEqual({ H: 2, A: 3, B: 7, C: 15 });
  });

  it('names the source of every event', () => {
    expect(FOLLOW_UP_EVENT_SOURCE.delivery_date_confirmed).toBe('delivery');
    expect(FOLLOW_UP_EVENT_SOURCE.test_drive_booked).toBe('test_drive');
  });
});
