import { DEFAULT_SALES_AUDIT, scoreAudit, type AuditTemplate } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  auditWeights,
  choiceOf,
  consultantChoices,
  groupKey,
  markOf,
  markProgress,
  publishedText,
  setGroupMarks,
  setMark,
  toCreateAuditRequest,
  weightNote,
  weightText,
} from './audit-form';

const small: AuditTemplate = {
  key: 'demo',
  version: 1,
  title: '示例',
  steps: [
    {
      key: 'a',
      label: '步骤甲',
      publishedWeight: 60,
      groups: [
        {
          key: 'g1',
          label: '组一',
          publishedWeight: 50,
          items: [
            { key: 'a_g1_1', label: '一' },
            { key: 'a_g1_2', label: '二' },
          ],
        },
        { key: 'g2', label: '组二', publishedWeight: null, items: [{ key: 'a_g2_1', label: '三' }] },
      ],
    },
    {
      key: 'b',
      label: '步骤乙',
      publishedWeight: null,
      groups: [{ key: 'g1', label: '组一', publishedWeight: null, items: [{ key: 'b_g1_1', label: '四' }] }],
    },
  ],
};

describe('marks', () => {
  it('maps 是 / 否 / 不适用 to true / false / null and back', () => {
    expect(markOf('yes')).toBe(true);
    expect(markOf('no')).toBe(false);
    expect(markOf('na')).toBeNull();
    expect(choiceOf(true)).toBe('yes');
    expect(choiceOf(false)).toBe('no');
    expect(choiceOf(null)).toBe('na');
    expect(choiceOf(undefined)).toBeUndefined();
  });

  it('sets, clears and fills a group without touching the rest', () => {
    const marks = setMark({}, 'a_g1_1', 'no');
    expect(marks).toEqual({ a_g1_1: false });
    expect(setMark(marks, 'a_g1_1', undefined)).toEqual({});
    expect(setGroupMarks({ b_g1_1: false }, small.steps[0]!.groups[0]!, 'yes')).toEqual({
      a_g1_1: true,
      a_g1_2: true,
      b_g1_1: false,
    });
  });

  it('counts what is marked', () => {
    expect(markProgress(small, { a_g1_1: true, a_g1_2: false, a_g2_1: null })).toEqual({
      total: 4,
      marked: 3,
      yes: 1,
      no: 1,
      na: 1,
    });
  });
});

describe('auditWeights', () => {
  it('fills unweighted steps and groups with the rest and says so', () => {
    const weights = auditWeights(small);
    expect(weights.steps.a).toMatchObject({ weight: 60, note: null });
    expect(weights.steps.b!.weight).toBe(40);
    expect(weights.steps.b!.note).toContain('40%');
    expect(weights.groups[groupKey('a', 'g2')]!.weight).toBe(50);
    expect(weights.groups[groupKey('b', 'g1')]!.weight).toBe(100);
  });

  it('gives the standard sheet step weights that add up to 100, follow-up filling the remaining 17%', () => {
    const weights = auditWeights(DEFAULT_SALES_AUDIT);
    const steps = DEFAULT_SALES_AUDIT.steps.map((s) => weights.steps[s.key]!.weight);
    expect(steps.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
    expect(weights.steps.follow_up!.weight).toBe(17);
    expect(weights.steps.follow_up!.note).not.toBeNull();
    // Delivery's published groups add up to 90%: scaled to 100 with a note.
    const delivery = DEFAULT_SALES_AUDIT.steps.find((s) => s.key === 'delivery')!;
    const groups = delivery.groups.map((g) => weights.groups[groupKey('delivery', g.key)]!);
    expect(groups.reduce((a, g) => a + g.weight, 0)).toBeCloseTo(100, 0);
    expect(groups.every((g) => g.note?.includes('90%'))).toBe(true);
  });

  it('agrees with the live score', () => {
    const marks = { a_g1_1: true, a_g1_2: false, a_g2_1: true, b_g1_1: false };
    // a = 50% × 50 + 50% × 100 = 75; b = 0; total = 60% × 75 + 40% × 0 = 45.
    expect(scoreAudit(small, marks).total).toBe(45);
  });
});

describe('texts and request', () => {
  it('writes weights', () => {
    expect(weightText(12.345)).toBe('12.3%');
    expect(publishedText(null)).toBe('原表未给权重');
    expect(publishedText(8)).toBe('原表 8%');
    expect(weightNote(null, '原表未给权重，按剩余 17% 平均分配')).toBe('原表未给权重，按剩余 17% 平均分配');
    expect(weightNote(11, '原表合计 90%，按比例换算为 100%')).toBe(
      '原表 11%；原表合计 90%，按比例换算为 100%',
    );
    expect(weightNote(40, null)).toBeNull();
  });

  it('sends the marks and a trimmed note, leaving an empty one out', () => {
    expect(
      toCreateAuditRequest(
        { consultantId: 7, auditorKind: 'mystery_shopper', note: '  周六到店 ' },
        { x: true },
      ),
    ).toEqual({
      consultantId: 7,
      auditorKind: 'mystery_shopper',
      marks: { x: true },
      note: '周六到店',
    });
    expect(toCreateAuditRequest({ consultantId: 7, auditorKind: 'manager', note: '  ' }, {})).toEqual({
      consultantId: 7,
      auditorKind: 'manager',
      marks: {},
    });
  });

  it('offers active consultants, with their store when there are several', () => {
    const user = (
      id: number,
      role: 'consultant' | 'manager',
      storeId: number,
      name: string,
      active = true,
    ) => ({
      id,
      username: `u${id}`,
      displayName: name,
      role,
      storeId,
      active,
    });
    const users = [
      user(1, 'manager', 1, '李经理'),
      user(2, 'consultant', 2, '王芳'),
      user(3, 'consultant', 1, '陈晓明'),
      user(4, 'consultant', 1, '离职', false),
    ];
    expect(
      consultantChoices(
        users,
        new Map([
          [1, '东店'],
          [2, '西店'],
        ]),
      ),
    ).toEqual([
      { value: 3, label: '陈晓明 · 东店', storeId: 1 },
      { value: 2, label: '王芳 · 西店', storeId: 2 },
    ]);
    expect(consultantChoices(users, new Map([[1, '东店']]))[0]!.label).toBe('陈晓明');
  });
});
