/**
 * What a task follows up, in words, and who the customer is when the task has no prospect yet:
 * read from the source rows (booking, order, survey, message, prospect, parent task) in one query
 * per source type.
 */
import { In, type EntityManager } from 'typeorm';
import {
  FOLLOW_UP_SOURCE_TYPE_LABEL_ZH,
  FOLLOW_UP_TASK_KIND_LABEL_ZH,
  INTENT_LEVEL_LABEL_ZH,
  modelDisplayName,
  NOTIFICATION_KIND_LABEL_ZH,
  utcToZoned,
  type FollowUpSourceType,
} from '@dealer-care/domain';
import { CustomerEntity } from '../customers/customer.entity.js';
import { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { NotificationOutboxEntity } from '../notifications/notification-outbox.entity.js';
import { ProspectEntity } from '../prospects/entities/prospect.entity.js';
import { SurveyInvitationEntity } from '../surveys/entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from '../surveys/entities/survey-response.entity.js';
import { TestDriveBookingEntity } from '../test-drives/entities/test-drive-booking.entity.js';
import { VehicleModelEntity } from '../vehicle-models/vehicle-model.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';

export interface SourceInfo {
  summary: string;
  /** The customer as the source knows them, for tasks without a prospect. */
  name: string | null;
  phone: string | null;
}

type SourceKey = `${FollowUpSourceType}:${number}`;
export const sourceKey = (type: FollowUpSourceType, id: number): SourceKey => `${type}:${id}`;

const localTime = (instant: Date, timeZone: string): string => {
  const local = utcToZoned(new Date(instant), timeZone);
  return `${local.date} ${local.time}`;
};

/** Summaries of the sources of `tasks`, keyed by sourceKey. */
export async function loadSources(
  manager: EntityManager,
  tasks: Array<Pick<FollowUpTaskEntity, 'sourceType' | 'sourceId'>>,
  timeZoneOf: (storeId: number) => string,
): Promise<Map<SourceKey, SourceInfo>> {
  const ids = (type: FollowUpSourceType) => [
    ...new Set(tasks.filter((task) => task.sourceType === type).map((task) => task.sourceId)),
  ];
  const find = <T extends { id: number }>(entity: new () => T, list: number[]): Promise<T[]> =>
    list.length > 0 ? manager.findBy(entity, { id: In(list) } as never) : Promise.resolve([]);

  const [bookings, orders, responses, outbox, prospects, parents] = await Promise.all([
    find(TestDriveBookingEntity, ids('test_drive')),
    find(SalesOrderEntity, ids('delivery')),
    find(SurveyResponseEntity, ids('survey_response')),
    find(NotificationOutboxEntity, ids('notification')),
    find(ProspectEntity, ids('prospect')),
    find(FollowUpTaskEntity, ids('follow_up_task')),
  ]);
  const modelIds = [...new Set([...bookings, ...orders].map((row) => row.modelId))];
  const [models, invitations, customers] = await Promise.all([
    find(VehicleModelEntity, modelIds),
    find(
      SurveyInvitationEntity,
      responses.map((row) => row.invitationId),
    ),
    find(
      CustomerEntity,
      outbox.map((row) => row.customerId),
    ),
  ]);
  const modelName = (id: number) => {
    const model = models.find((row) => row.id === id);
    return model ? modelDisplayName(model) : '';
  };

  const out = new Map<SourceKey, SourceInfo>();
  for (const row of bookings) {
    out.set(sourceKey('test_drive', row.id), {
      summary: `试驾 ${modelName(row.modelId)} ${localTime(row.startsAt, timeZoneOf(row.storeId))}`,
      name: row.customerName,
      phone: row.mobile,
    });
  }
  for (const row of orders) {
    const when = row.scheduledAt ? ` ${localTime(row.scheduledAt, timeZoneOf(row.storeId))}` : '';
    out.set(sourceKey('delivery', row.id), {
      summary: `交车 ${modelName(row.modelId)}${when}（订单 ${row.orderNo}）`,
      name: row.customerName,
      phone: row.customerMobile,
    });
  }
  for (const row of responses) {
    const invitation = invitations.find((item) => item.id === row.invitationId);
    out.set(sourceKey('survey_response', row.id), {
      summary: `满意度问卷 ${invitation?.subject ?? ''}`.trim(),
      name: invitation?.customerName ?? null,
      phone: invitation?.customerMobile ?? null,
    });
  }
  for (const row of outbox) {
    const customer = customers.find((item) => item.id === row.customerId);
    out.set(sourceKey('notification', row.id), {
      summary:
        `未送达：${NOTIFICATION_KIND_LABEL_ZH[row.kind] ?? row.kind} ${row.data?.subject ?? ''}`.trim(),
      name: customer?.nickname ?? null,
      phone: customer?.phone ?? null,
    });
  }
  for (const row of prospects) {
    const level = row.intentLevel ? `（${INTENT_LEVEL_LABEL_ZH[row.intentLevel]}）` : '';
    out.set(sourceKey('prospect', row.id), {
      summary: `意向客户 ${row.name}${level}`,
      name: row.name,
      phone: row.phone,
    });
  }
  for (const row of parents) {
    out.set(sourceKey('follow_up_task', row.id), {
      summary: `升级自：${FOLLOW_UP_TASK_KIND_LABEL_ZH[row.kind]}${row.note ? `（${row.note}）` : ''}`,
      name: null,
      phone: null,
    });
  }
  for (const task of tasks) {
    const key = sourceKey(task.sourceType, task.sourceId);
    // A source deleted since (or an enquiry, which is the contact itself) still reads as its kind.
    if (!out.has(key))
      out.set(key, { summary: FOLLOW_UP_SOURCE_TYPE_LABEL_ZH[task.sourceType], name: null, phone: null });
  }
  return out;
}
