import type { EntityManager } from 'typeorm';
import { normalizeMobile } from '@dealer-care/domain';
import { isMysql } from '../../database/is-mysql.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { ProspectEntity } from './entities/prospect.entity.js';

export interface ProspectInput {
  storeId: number;
  customerId?: number | null;
  name: string;
  phone: string;
  consultantId?: number | null;
}

/**
 * The store's prospect for a phone number, created when new (one per store and phone). A known
 * prospect gets the WeChat customer and the consultant linked when it had none; its name, intent
 * and fate stay as the store recorded them. Call inside the caller's transaction.
 */
export async function ensureProspect(
  manager: EntityManager,
  input: ProspectInput,
): Promise<{ prospect: ProspectEntity; created: boolean }> {
  const phone = normalizeMobile(input.phone);
  // A locking read sees a row another transaction committed meanwhile (MySQL's snapshot would not).
  const find = () =>
    manager.getRepository(ProspectEntity).findOne({
      where: { storeId: input.storeId, phone },
      ...(isMysql(manager.connection) ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  let prospect = await find();
  if (!prospect) {
    try {
      prospect = await manager.save(
        manager.create(ProspectEntity, {
          storeId: input.storeId,
          customerId: input.customerId ?? null,
          name: Array.from(input.name.trim()).slice(0, 50).join(''),
          phone,
          status: 'active',
          intentLevel: null,
          style: null,
          styleNote: null,
          consultantId: input.consultantId ?? null,
          lostCategory: null,
          lostNote: null,
          lostAt: null,
          lastContactAt: null,
        }),
      );
      return { prospect, created: true };
    } catch (error) {
      // Registered at the same moment by another request: use theirs.
      if (!isUniqueViolation(error)) throw error;
      prospect = await find();
      if (!prospect) throw error;
    }
  }
  const link: Partial<ProspectEntity> = {};
  if (prospect.customerId === null && input.customerId) link.customerId = input.customerId;
  if (prospect.consultantId === null && input.consultantId) link.consultantId = input.consultantId;
  if (Object.keys(link).length > 0) {
    await manager.update(ProspectEntity, { id: prospect.id }, link);
    Object.assign(prospect, link);
  }
  return { prospect, created: false };
}

/** The store's prospect of a WeChat customer or phone, if the store has one. */
export async function findProspect(
  manager: EntityManager,
  storeId: number,
  by: { customerId?: number | null; phone?: string | null },
): Promise<ProspectEntity | null> {
  if (by.customerId) {
    const linked = await manager.findOneBy(ProspectEntity, { storeId, customerId: by.customerId });
    if (linked) return linked;
  }
  return by.phone ? manager.findOneBy(ProspectEntity, { storeId, phone: normalizeMobile(by.phone) }) : null;
}
