import type { FollowUpTaskView } from '@dealer-care/domain';

/** A pending T-3 delivery call of store 1 (Asia/Shanghai), due 2026-11-20 18:00 local. */
export function task(overrides: Partial<FollowUpTaskView> = {}): FollowUpTaskView {
  return {
    id: 12,
    storeId: 1,
    storeName: '云岚汽车广州天河4S店',
    kind: 'delivery_t3_call',
    assigneeRole: 'consultant',
    assignee: { id: 7, name: '陈晓明' },
    status: 'pending',
    bucket: 'today',
    dueAt: '2026-11-20T10:00:00.000Z',
    windowStart: null,
    overdue: false,
    escalatedAt: null,
    attempts: 0,
    outcome: null,
    note: null,
    completedAt: null,
    completedBy: null,
    onTime: null,
    customer: {
      prospectId: 3,
      customerId: 5,
      name: '王芳',
      mobileMasked: '138****5678',
      intentLevel: 'A',
    },
    source: { type: 'delivery', id: 9, summary: '交车 云岚 星河 2026-11-23 10:00' },
    history: [],
    ...overrides,
  };
}
