import { In, type EntityManager } from 'typeorm';
import {
  inboxBucket,
  isCompletedOnTime,
  isTaskOverdue,
  maskMobile,
  type FollowUpCustomerRef,
  type FollowUpTaskAttempt,
  type FollowUpTaskView,
} from '@dealer-care/domain';
import { CustomerEntity } from '../customers/customer.entity.js';
import { ContactLogEntity } from '../prospects/entities/contact-log.entity.js';
import { ProspectEntity } from '../prospects/entities/prospect.entity.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';
import { loadSources, sourceKey, type SourceInfo } from './follow-up-sources.js';

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

interface ViewContext {
  stores: Map<number, StoreEntity>;
  staff: Map<number, StaffUserEntity>;
  prospects: Map<number, ProspectEntity>;
  customers: Map<number, CustomerEntity>;
  history: Map<number, ContactLogEntity[]>;
  sources: Map<string, SourceInfo>;
}

function customerRef(task: FollowUpTaskEntity, context: ViewContext): FollowUpCustomerRef {
  const prospect = task.prospectId === null ? undefined : context.prospects.get(task.prospectId);
  const customer = task.customerId === null ? undefined : context.customers.get(task.customerId);
  const source = context.sources.get(sourceKey(task.sourceType, task.sourceId));
  const name = prospect?.name ?? source?.name ?? customer?.nickname ?? '';
  const phone = prospect?.phone ?? source?.phone ?? customer?.phone ?? '';
  return {
    prospectId: prospect?.id ?? null,
    customerId: task.customerId ?? prospect?.customerId ?? null,
    name,
    mobileMasked: phone ? maskMobile(phone) : '',
    intentLevel: prospect?.intentLevel ?? null,
  };
}

function toView(task: FollowUpTaskEntity, context: ViewContext, now: Date): FollowUpTaskView {
  const store = context.stores.get(task.storeId);
  const person = (id: number | null) => {
    const member = id === null ? undefined : context.staff.get(id);
    return member ? { id: member.id, name: member.displayName } : null;
  };
  const state = { status: task.status, dueAt: new Date(task.dueAt) };
  const history: FollowUpTaskAttempt[] = (context.history.get(task.id) ?? []).flatMap((log) =>
    log.outcome
      ? [
          {
            at: new Date(log.at).toISOString(),
            byName: log.staffId === null ? '' : (context.staff.get(log.staffId)?.displayName ?? ''),
            outcome: log.outcome,
            note: log.note || null,
          },
        ]
      : [],
  );
  return {
    id: task.id,
    storeId: task.storeId,
    storeName: store?.name ?? '',
    kind: task.kind,
    assigneeRole: task.assigneeRole,
    assignee: person(task.assigneeId),
    status: task.status,
    bucket: inboxBucket(state, now, store?.timeZone ?? 'Asia/Shanghai'),
    dueAt: new Date(task.dueAt).toISOString(),
    windowStart: iso(task.windowStart),
    overdue: isTaskOverdue(state, now),
    escalatedAt: iso(task.escalatedAt),
    attempts: task.attempts,
    outcome: task.outcome,
    note: task.note,
    completedAt: iso(task.completedAt),
    completedBy: person(task.completedById),
    onTime: isCompletedOnTime({
      status: task.status,
      dueAt: state.dueAt,
      completedAt: task.completedAt ? new Date(task.completedAt) : null,
    }),
    customer: customerRef(task, context),
    source: {
      type: task.sourceType,
      id: task.sourceId,
      summary: context.sources.get(sourceKey(task.sourceType, task.sourceId))?.summary ?? '',
    },
    history,
  };
}

/**
 * The customer's name and full number for one task, from its prospect, its source or the WeChat
 * customer. Server-side only: answers carry the masked number.
 */
export async function taskContact(
  manager: EntityManager,
  task: FollowUpTaskEntity,
): Promise<{ name: string; phone: string }> {
  const [prospect, customer, sources] = await Promise.all([
    task.prospectId === null ? null : manager.findOneBy(ProspectEntity, { id: task.prospectId }),
    task.customerId === null ? null : manager.findOneBy(CustomerEntity, { id: task.customerId }),
    loadSources(manager, [task], () => 'Asia/Shanghai'),
  ]);
  const source = sources.get(sourceKey(task.sourceType, task.sourceId));
  return {
    name: prospect?.name ?? source?.name ?? customer?.nickname ?? '',
    phone: prospect?.phone ?? source?.phone ?? customer?.phone ?? '',
  };
}

/** Views of several tasks with one query per related table. */
export async function toTaskViews(
  manager: EntityManager,
  tasks: FollowUpTaskEntity[],
  now: Date,
): Promise<FollowUpTaskView[]> {
  if (tasks.length === 0) return [];
  const unique = (values: Array<number | null>) => [
    ...new Set(values.filter((value): value is number => value !== null)),
  ];
  const taskIds = tasks.map((task) => task.id);
  const byIds = <T extends { id: number }>(entity: new () => T, ids: number[]): Promise<T[]> =>
    ids.length > 0 ? manager.findBy(entity, { id: In(ids) } as never) : Promise.resolve([]);
  const [stores, prospects, customers, logs] = await Promise.all([
    byIds(StoreEntity, unique(tasks.map((task) => task.storeId))),
    byIds(ProspectEntity, unique(tasks.map((task) => task.prospectId))),
    byIds(CustomerEntity, unique(tasks.map((task) => task.customerId))),
    manager.find(ContactLogEntity, { where: { taskId: In(taskIds) }, order: { at: 'ASC', id: 'ASC' } }),
  ]);
  const staffIds = unique([
    ...tasks.flatMap((task) => [task.assigneeId, task.completedById]),
    ...logs.map((log) => log.staffId),
  ]);
  const staff = await byIds(StaffUserEntity, staffIds);
  const storeById = new Map(stores.map((store) => [store.id, store]));
  const history = new Map<number, ContactLogEntity[]>();
  for (const log of logs) history.set(log.taskId!, [...(history.get(log.taskId!) ?? []), log]);
  const context: ViewContext = {
    stores: storeById,
    staff: new Map(staff.map((member) => [member.id, member])),
    prospects: new Map(prospects.map((row) => [row.id, row])),
    customers: new Map(customers.map((row) => [row.id, row])),
    history,
    sources: await loadSources(manager, tasks, (id) => storeById.get(id)?.timeZone ?? 'Asia/Shanghai'),
  };
  return tasks.map((task) => toView(task, context, now));
}
