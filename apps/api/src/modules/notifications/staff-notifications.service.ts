import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  maskMobile,
  type NotificationListItem,
  type NotificationsQuery,
  type NotificationSubjectType,
  type Page,
} from '@dealer-care/domain';
import { assertStoreInScope, storesToList } from '../../common/auth/store-scope.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { SurveyInvitationEntity } from '../surveys/entities/survey-invitation.entity.js';
import { TestDriveBookingEntity } from '../test-drives/entities/test-drive-booking.entity.js';
import { NOTIFICATIONS_DEFAULT_PAGE_SIZE } from './dto/notification.dto.js';
import { enqueueSendJob } from './enqueue-notification.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';

const NOT_FOUND = '没有找到这条消息';

interface Person {
  name: string;
  mobile: string | null;
}

/** The fate of customer messages for staff: what was sent, refused or failed, and a retry for failures. */
@Injectable()
export class StaffNotificationsService {
  constructor(
    @InjectRepository(NotificationOutboxEntity)
    private readonly outbox: Repository<NotificationOutboxEntity>,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Newest first. Rows without a store (older than the column) only for admins. */
  async list(principal: StaffPrincipal, query: NotificationsQuery): Promise<Page<NotificationListItem>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? NOTIFICATIONS_DEFAULT_PAGE_SIZE;
    const stores = storesToList(principal, query.storeId);
    if (stores !== 'all' && stores.length === 0) return { items: [], total: 0, page, pageSize };
    const qb = this.outbox.createQueryBuilder('n');
    if (stores !== 'all') qb.where('n.store_id IN (:...stores)', { stores });
    if (query.status !== undefined) qb.andWhere('n.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const people = await this.people(this.outbox.manager, rows);
    return { items: rows.map((row) => this.toItem(row, people)), total, page, pageSize };
  }

  /** A failed message goes back to the queue with a fresh job; anything else is 409. */
  async retry(principal: StaffPrincipal, id: number): Promise<NotificationListItem> {
    const row = await this.transactions.run(async (manager) => {
      const found = await manager.findOneBy(NotificationOutboxEntity, { id });
      if (!found) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
      if (found.storeId === null) {
        if (principal.role !== 'admin') throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
      } else {
        assertStoreInScope(principal, found.storeId);
      }
      const now = new Date();
      const { affected } = await manager
        .createQueryBuilder()
        .update(NotificationOutboxEntity)
        .set({ status: 'queued', attempts: 0, nextAttemptAt: now })
        .where("id = :id AND status = 'failed'", { id })
        .execute();
      if ((affected ?? 0) === 0) {
        throw new DomainException(ErrorCode.Conflict, '只有发送失败的消息可以重试');
      }
      await enqueueSendJob(manager, id, now);
      return manager.findOneByOrFail(NotificationOutboxEntity, { id });
    });
    return this.toItem(row, await this.people(this.outbox.manager, [row]));
  }

  private toItem(row: NotificationOutboxEntity, people: Map<string, Person>): NotificationListItem {
    const person =
      people.get(`${row.subjectType}:${row.subjectId}`) ?? people.get(`customer:${row.customerId}`);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      storeId: row.storeId,
      customerName: person?.name ?? '微信客户',
      mobileMasked: person?.mobile ? maskMobile(person.mobile) : '',
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      subject: row.data.subject,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: new Date(row.createdAt).toISOString(),
      sentAt: row.sentAt ? new Date(row.sentAt).toISOString() : null,
      nextAttemptAt: row.status === 'queued' ? new Date(row.nextAttemptAt).toISOString() : null,
      fallbackTaskId: row.fallbackTaskId,
    };
  }

  /** Who each message is for, as the booking, order or survey names them (the customer row otherwise). */
  private async people(
    manager: EntityManager,
    rows: NotificationOutboxEntity[],
  ): Promise<Map<string, Person>> {
    const ids = (type: NotificationSubjectType) => [
      ...new Set(rows.filter((row) => row.subjectType === type).map((row) => row.subjectId)),
    ];
    const people = new Map<string, Person>();
    const bookingIds = ids('test_drive_booking');
    const orderIds = ids('delivery');
    const invitationIds = ids('survey_invitation');
    const customerIds = [...new Set(rows.map((row) => row.customerId))];
    const [bookings, orders, invitations, customers] = await Promise.all([
      bookingIds.length ? manager.findBy(TestDriveBookingEntity, { id: In(bookingIds) }) : [],
      orderIds.length ? manager.findBy(SalesOrderEntity, { id: In(orderIds) }) : [],
      invitationIds.length ? manager.findBy(SurveyInvitationEntity, { id: In(invitationIds) }) : [],
      customerIds.length ? manager.findBy(CustomerEntity, { id: In(customerIds) }) : [],
    ]);
    for (const b of bookings)
      people.set(`test_drive_booking:${b.id}`, { name: b.customerName, mobile: b.mobile });
    for (const o of orders)
      people.set(`delivery:${o.id}`, { name: o.customerName, mobile: o.customerMobile });
    for (const i of invitations) {
      people.set(`survey_invitation:${i.id}`, { name: i.customerName, mobile: i.customerMobile });
    }
    for (const c of customers)
      people.set(`customer:${c.id}`, { name: c.nickname ?? '微信客户', mobile: c.phone });
    return people;
  }
}
