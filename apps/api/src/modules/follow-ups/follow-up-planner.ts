/**
 * Turns journey events into follow-up task rows with the domain's rules (tasksForEvent,
 * tasksAfterSourceChange). Plain functions over the caller's EntityManager: the test-drive,
 * delivery, survey and prospect services call them inside the transaction that records the event,
 * so the event and its tasks are committed together or not at all.
 */
import { In, type EntityManager } from 'typeorm';
import {
  FOLLOW_UP_EVENT_SOURCE,
  tasksAfterSourceChange,
  tasksForEvent,
  type FollowUpEvent,
  type FollowUpOutcome,
  type FollowUpSourceChange,
  type FollowUpSourceType,
  type FollowUpStoreHours,
  type FollowUpTask,
  type FollowUpTaskKind,
} from '@dealer-care/domain';
import { toStoreSchedule } from '../stores/store-schedule.js';
import { StoreEntity } from '../stores/store.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';

/** Who the tasks are about and who works them. */
export interface PlanTarget {
  storeId: number;
  prospectId: number | null;
  customerId: number | null;
  /** The consultant looking after the customer; null leaves consultant tasks in the store's pool. */
  consultantId: number | null;
  /** Overrides the assignee of every planned task (a low-score callback goes to the case owner). */
  assigneeId?: number | null;
}

/** The store's zone, opening hours and closed dates, as the rules read them. */
export async function storeHours(manager: EntityManager, storeId: number): Promise<FollowUpStoreHours> {
  const store = await manager.findOneOrFail(StoreEntity, {
    where: { id: storeId },
    relations: { openingPeriods: true, closedDates: true },
  });
  return toStoreSchedule(store);
}

function taskRow(manager: EntityManager, task: FollowUpTask, target: PlanTarget): FollowUpTaskEntity {
  const assigneeId =
    target.assigneeId !== undefined
      ? target.assigneeId
      : task.assignee === 'consultant'
        ? target.consultantId
        : null; // managers' and service advisors' tasks start in the store's pool
  return manager.create(FollowUpTaskEntity, {
    storeId: target.storeId,
    prospectId: target.prospectId,
    customerId: target.customerId,
    kind: task.kind,
    assigneeRole: task.assignee,
    assigneeId,
    sourceType: task.sourceType,
    sourceId: task.sourceId,
    status: 'pending',
    dueAt: task.dueAt,
    windowStart: task.windowStart ?? null,
    escalatedAt: null,
    attempts: 0,
    outcome: null,
    note: null,
    completedAt: null,
    completedById: null,
  });
}

/** Stores the tasks an event creates; returns them. */
export async function planForEvent(
  manager: EntityManager,
  event: FollowUpEvent,
  target: PlanTarget,
): Promise<FollowUpTaskEntity[]> {
  const tasks = tasksForEvent(event, { store: await storeHours(manager, target.storeId) });
  if (tasks.length === 0) return [];
  return manager.save(tasks.map((task) => taskRow(manager, task, target)));
}

/**
 * Applies a change of the source to its tasks: pending ones move or are cancelled, newly needed
 * ones are created for `target` (a reschedule needs it; a cancellation does not).
 */
export async function applySourceChange(
  manager: EntityManager,
  change: FollowUpSourceChange,
  target?: PlanTarget,
): Promise<void> {
  const [sourceType, sourceId] =
    change.type === 'rescheduled'
      ? [FOLLOW_UP_EVENT_SOURCE[change.event.type], change.event.sourceId]
      : [change.sourceType, change.sourceId];
  const rows = await manager.findBy(FollowUpTaskEntity, { sourceType, sourceId });
  const { updates, creates } = tasksAfterSourceChange(
    rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      assignee: row.assigneeRole,
      status: row.status,
      dueAt: new Date(row.dueAt),
      ...(row.windowStart ? { windowStart: new Date(row.windowStart) } : {}),
      sourceType: row.sourceType,
      sourceId: row.sourceId,
    })),
    change,
  );
  const cancelled = updates.flatMap((update) => (update.change === 'cancel' ? [update.id] : []));
  if (cancelled.length > 0) {
    await manager.update(
      FollowUpTaskEntity,
      { id: In(cancelled), status: 'pending' },
      { status: 'cancelled' },
    );
  }
  for (const update of updates) {
    if (update.change !== 'move') continue;
    await manager.update(
      FollowUpTaskEntity,
      { id: update.id, status: 'pending' },
      { dueAt: update.dueAt, windowStart: update.windowStart ?? null },
    );
  }
  if (creates.length > 0) {
    if (!target) throw new Error('applySourceChange: a reschedule that creates tasks needs a target');
    await manager.save(creates.map((task) => taskRow(manager, task, target)));
  }
}

/** Cancels the pending tasks of a source (only the given kinds, when given). */
export function cancelSourceTasks(
  manager: EntityManager,
  sourceType: FollowUpSourceType,
  sourceId: number,
  kinds?: readonly FollowUpTaskKind[],
): Promise<void> {
  return applySourceChange(manager, { type: 'cancelled', sourceType, sourceId, ...(kinds ? { kinds } : {}) });
}

/**
 * Closes the pending tasks of a source as done when the work happened elsewhere (the delivery
 * page's confirmation call, a resolved low-score case), so nobody calls twice.
 */
export async function completeSourceTasks(
  manager: EntityManager,
  sourceType: FollowUpSourceType,
  sourceId: number,
  kinds: readonly FollowUpTaskKind[],
  done: { at: Date; byId: number | null; outcome: FollowUpOutcome; note?: string | null },
): Promise<void> {
  const rows = await manager.findBy(FollowUpTaskEntity, {
    sourceType,
    sourceId,
    kind: In([...kinds]),
    status: 'pending',
  });
  for (const row of rows) {
    await manager.update(
      FollowUpTaskEntity,
      { id: row.id, status: 'pending' },
      {
        status: 'done',
        outcome: done.outcome,
        completedAt: done.at,
        completedById: done.byId,
        attempts: row.attempts + 1,
        note: done.note?.slice(0, 500) ?? row.note,
      },
    );
  }
}

/** Gives a source's unassigned pending consultant tasks to the consultant who took the customer on. */
export async function assignSourceTasks(
  manager: EntityManager,
  sourceType: FollowUpSourceType,
  sourceId: number,
  assigneeId: number,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(FollowUpTaskEntity)
    .set({ assigneeId })
    .where('source_type = :sourceType AND source_id = :sourceId', { sourceType, sourceId })
    .andWhere("status = 'pending' AND assignee_role = 'consultant' AND assignee_id IS NULL")
    .execute();
}
