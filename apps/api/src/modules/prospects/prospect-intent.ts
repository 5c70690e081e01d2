import type { EntityManager } from 'typeorm';
import type { IntentLevel } from '@dealer-care/domain';
import { cancelSourceTasks, planForEvent } from '../follow-ups/follow-up-planner.js';
import { IntentChangeEntity } from './entities/intent-change.entity.js';
import { ProspectEntity } from './entities/prospect.entity.js';

/**
 * The next 意向客户跟进 of an active prospect, at the interval of its intent level; the pending
 * one is replaced, so a prospect never has two follow-ups waiting.
 */
export async function planNextFollowUp(
  manager: EntityManager,
  prospect: ProspectEntity,
  at: Date,
): Promise<void> {
  await cancelSourceTasks(manager, 'prospect', prospect.id, ['prospect_follow_up']);
  if (prospect.status !== 'active' || prospect.intentLevel === null) return;
  await planForEvent(
    manager,
    { type: 'prospect_intent_assessed', sourceId: prospect.id, at, level: prospect.intentLevel },
    {
      storeId: prospect.storeId,
      prospectId: prospect.id,
      customerId: prospect.customerId,
      consultantId: prospect.consultantId,
    },
  );
}

/** Records an intent assessment (kept as history) and plans the next follow-up from it. */
export async function assessIntent(
  manager: EntityManager,
  prospect: ProspectEntity,
  level: IntentLevel,
  by: { staffId: number | null; note?: string | null; at: Date },
  /** False when the contact that assessed it already set the next one (a call-back time agreed). */
  planNext = true,
): Promise<void> {
  await manager.insert(IntentChangeEntity, {
    prospectId: prospect.id,
    level,
    previous: prospect.intentLevel,
    staffId: by.staffId,
    note: by.note?.trim() ? Array.from(by.note.trim()).slice(0, 200).join('') : null,
    at: by.at,
  });
  await manager.update(ProspectEntity, { id: prospect.id }, { intentLevel: level });
  prospect.intentLevel = level;
  if (planNext) await planNextFollowUp(manager, prospect, by.at);
}
