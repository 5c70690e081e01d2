/**
 * The customer card (客户卡片): the prospect with its contacts, intent history, open tasks and one
 * timeline of everything the store did with this customer (bookings, orders and deliveries,
 * tasks, survey results), read in one query per table.
 */
import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  BOOKING_STATUS_LABEL_ZH,
  DELIVERY_STATUS_LABEL_ZH,
  FOLLOW_UP_OUTCOME_LABEL_ZH,
  FOLLOW_UP_TASK_KIND_LABEL_ZH,
  FOLLOW_UP_TASK_STATUS_LABEL_ZH,
  CONTACT_CHANNEL_LABEL_ZH,
  LOST_REASON_LABEL_ZH,
  maskMobile,
  modelDisplayName,
  SURVEY_KIND_LABEL_ZH,
  utcToZoned,
  type CustomerCard,
  type ProspectSummary,
  type TimelineEntry,
} from '@dealer-care/domain';
import { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { FollowUpTaskEntity } from '../follow-ups/entities/follow-up-task.entity.js';
import { toTaskViews } from '../follow-ups/follow-up.mapper.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { SurveyResponseEntity } from '../surveys/entities/survey-response.entity.js';
import { TestDriveBookingEntity } from '../test-drives/entities/test-drive-booking.entity.js';
import { VehicleModelEntity } from '../vehicle-models/vehicle-model.entity.js';
import { ContactLogEntity } from './entities/contact-log.entity.js';
import { IntentChangeEntity } from './entities/intent-change.entity.js';
import type { ProspectEntity } from './entities/prospect.entity.js';

const iso = (value: Date | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/** The list row of prospects; `nextTaskDueAt` comes from a grouped query of the caller. */
export function toProspectSummary(
  prospect: ProspectEntity,
  context: { storeName: string; consultant: StaffUserEntity | null; nextTaskDueAt: Date | null },
): ProspectSummary {
  return {
    id: prospect.id,
    storeId: prospect.storeId,
    storeName: context.storeName,
    customerId: prospect.customerId,
    name: prospect.name,
    mobileMasked: maskMobile(prospect.phone),
    status: prospect.status,
    intentLevel: prospect.intentLevel,
    style: prospect.style,
    consultant: context.consultant
      ? { id: context.consultant.id, name: context.consultant.displayName }
      : null,
    nextTaskDueAt: iso(context.nextTaskDueAt),
    lastContactAt: iso(prospect.lastContactAt),
    createdAt: new Date(prospect.createdAt).toISOString(),
  };
}

/** Rows of the store about this customer: by the linked WeChat customer, or by the phone. */
function ofCustomer<T>(
  prospect: ProspectEntity,
  phoneColumn: keyof T & string,
  customerColumn: keyof T & string,
): Array<FindOptionsWhere<T>> {
  const byPhone = {
    storeId: prospect.storeId,
    [phoneColumn]: prospect.phone,
  } as unknown as FindOptionsWhere<T>;
  if (prospect.customerId === null) return [byPhone];
  return [
    byPhone,
    { storeId: prospect.storeId, [customerColumn]: prospect.customerId } as unknown as FindOptionsWhere<T>,
  ];
}

export async function buildCustomerCard(
  manager: EntityManager,
  prospect: ProspectEntity,
  now: Date,
): Promise<CustomerCard> {
  const store = await manager.findOneByOrFail(StoreEntity, { id: prospect.storeId });
  const localTime = (at: Date) => {
    const local = utcToZoned(new Date(at), store.timeZone);
    return `${local.date} ${local.time}`;
  };
  const taskWhere: Array<FindOptionsWhere<FollowUpTaskEntity>> = [{ prospectId: prospect.id }];
  if (prospect.customerId !== null)
    taskWhere.push({ storeId: prospect.storeId, customerId: prospect.customerId });
  const [contacts, intents, bookings, orders, tasks, responses] = await Promise.all([
    manager.find(ContactLogEntity, { where: { prospectId: prospect.id }, order: { at: 'DESC', id: 'DESC' } }),
    manager.find(IntentChangeEntity, {
      where: { prospectId: prospect.id },
      order: { at: 'DESC', id: 'DESC' },
    }),
    manager.find(TestDriveBookingEntity, {
      where: ofCustomer<TestDriveBookingEntity>(prospect, 'mobile', 'customerId'),
      order: { startsAt: 'DESC' },
    }),
    manager.find(SalesOrderEntity, {
      where: ofCustomer<SalesOrderEntity>(prospect, 'customerMobile', 'customerId'),
      order: { id: 'DESC' },
    }),
    manager.find(FollowUpTaskEntity, { where: taskWhere, order: { dueAt: 'ASC', id: 'ASC' } }),
    prospect.customerId === null
      ? Promise.resolve([])
      : manager.find(SurveyResponseEntity, {
          where: { storeId: prospect.storeId, customerId: prospect.customerId },
          order: { completedAt: 'DESC' },
        }),
  ]);
  const staffIds = [
    ...new Set(
      [prospect.consultantId, ...contacts.map((c) => c.staffId), ...intents.map((i) => i.staffId)].filter(
        (id): id is number => id !== null,
      ),
    ),
  ];
  const modelIds = [...new Set([...bookings, ...orders].map((row) => row.modelId))];
  const [staff, models] = await Promise.all([
    staffIds.length > 0 ? manager.findBy(StaffUserEntity, { id: In(staffIds) }) : Promise.resolve([]),
    modelIds.length > 0 ? manager.findBy(VehicleModelEntity, { id: In(modelIds) }) : Promise.resolve([]),
  ]);
  const staffName = (id: number | null) =>
    id === null ? '' : (staff.find((s) => s.id === id)?.displayName ?? '');
  const modelName = (id: number) => {
    const model = models.find((m) => m.id === id);
    return model ? modelDisplayName(model) : '';
  };
  const nextTask = tasks.find((task) => task.status === 'pending');

  const timeline: TimelineEntry[] = [
    ...contacts.map((log) => ({
      type: 'contact' as const,
      at: new Date(log.at).toISOString(),
      title: `${CONTACT_CHANNEL_LABEL_ZH[log.channel]}${log.outcome ? `：${FOLLOW_UP_OUTCOME_LABEL_ZH[log.outcome]}` : ''}`,
      detail: [staffName(log.staffId), log.note].filter(Boolean).join('：') || null,
      refId: log.id,
    })),
    ...intents.map((change) => ({
      type: 'intent' as const,
      at: new Date(change.at).toISOString(),
      title: `意向级别 ${change.previous ?? '未评估'} → ${change.level}`,
      detail: change.note,
      refId: change.id,
    })),
    ...bookings.map((booking) => ({
      type: 'test_drive' as const,
      at: new Date(booking.startsAt).toISOString(),
      title: `试驾 ${modelName(booking.modelId)}（${BOOKING_STATUS_LABEL_ZH[booking.status]}）`,
      detail: `${localTime(booking.startsAt)} · ${booking.reference}`,
      refId: booking.id,
    })),
    ...orders.flatMap((order) => {
      const entries: TimelineEntry[] = [
        {
          type: 'order',
          at: new Date(order.createdAt).toISOString(),
          title: `签约 ${modelName(order.modelId)}（${DELIVERY_STATUS_LABEL_ZH[order.status]}）`,
          detail: `订单 ${order.orderNo} · ${order.trim} ${order.colour}`,
          refId: order.id,
        },
      ];
      if (order.deliveredAt) {
        entries.push({
          type: 'delivery',
          at: new Date(order.deliveredAt).toISOString(),
          title: `交车 ${modelName(order.modelId)}`,
          detail: `订单 ${order.orderNo}`,
          refId: order.id,
        });
      }
      return entries;
    }),
    ...tasks
      .filter((task) => task.status !== 'pending')
      .map((task) => ({
        type: 'task' as const,
        at: new Date(task.completedAt ?? task.updatedAt).toISOString(),
        title: `${FOLLOW_UP_TASK_KIND_LABEL_ZH[task.kind]}（${FOLLOW_UP_TASK_STATUS_LABEL_ZH[task.status]}）`,
        detail:
          [task.outcome ? FOLLOW_UP_OUTCOME_LABEL_ZH[task.outcome] : null, task.note]
            .filter(Boolean)
            .join('：') || null,
        refId: task.id,
      })),
    ...responses.map((response) => ({
      type: 'survey' as const,
      at: new Date(response.completedAt).toISOString(),
      title: `${SURVEY_KIND_LABEL_ZH[response.kind]}${response.indexScore === null ? '' : ` ${response.indexScore}分`}${response.lowScore ? '（低分）' : ''}`,
      detail: response.lowReasons.length > 0 ? response.lowReasons.join('；') : null,
      refId: response.id,
    })),
    ...(prospect.lostAt && prospect.lostCategory
      ? [
          {
            type: 'lost' as const,
            at: new Date(prospect.lostAt).toISOString(),
            title: `战败：${LOST_REASON_LABEL_ZH[prospect.lostCategory]}`,
            detail: prospect.lostNote,
            refId: prospect.id,
          },
        ]
      : []),
  ].sort((a, b) => b.at.localeCompare(a.at) || (b.refId ?? 0) - (a.refId ?? 0));

  const consultant = staff.find((s) => s.id === prospect.consultantId) ?? null;
  return {
    prospect: {
      ...toProspectSummary(prospect, {
        storeName: store.name,
        consultant,
        nextTaskDueAt: nextTask ? new Date(nextTask.dueAt) : null,
      }),
      styleNote: prospect.styleNote,
      lostReason:
        prospect.lostCategory && prospect.lostAt
          ? {
              category: prospect.lostCategory,
              note: prospect.lostNote,
              at: new Date(prospect.lostAt).toISOString(),
            }
          : null,
    },
    contacts: contacts.map((log) => ({
      id: log.id,
      channel: log.channel,
      at: new Date(log.at).toISOString(),
      byName: staffName(log.staffId),
      note: log.note,
      taskId: log.taskId,
    })),
    intentHistory: intents.map((change) => ({
      at: new Date(change.at).toISOString(),
      level: change.level,
      previous: change.previous,
      byName: staffName(change.staffId),
      note: change.note,
    })),
    openTasks: await toTaskViews(
      manager,
      tasks.filter((task) => task.status === 'pending'),
      now,
    ),
    timeline,
  };
}
