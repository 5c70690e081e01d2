import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import {
  addDays,
  canAccessStore,
  checklistsFromTemplates,
  CHECKLIST_KINDS,
  clipForMessage,
  confirmationDue,
  decideDeliveryAction,
  DEFAULT_DELIVERY_CHECKLISTS,
  ErrorCode,
  generateOrderNumber,
  isIsoDate,
  isOfferedOption,
  localDateIn,
  messageTime,
  modelDisplayName,
  nextDeliveryStatus,
  tickChecklistItem,
  toDateOption,
  validateChecklistTemplate,
  validateDateOptions,
  validatePromisedWindow,
  validateVin,
  VIN_REASON_ZH,
  type CreateSalesOrderRequest,
  type DeliveryAction,
  type DeliveryActor,
  type DeliveryChecklistTemplates,
  type DeliveryDateChoice,
  type DeliverySignature,
  type FieldError,
  type NotificationKind,
  type SalesOrder,
  type StoreOrdersQuery,
  type TickChecklistRequest,
} from '@dealer-care/domain';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import type { IdempotencyClaim } from '../../common/idempotency/idempotency.service.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { onDeliveryAction, onSalesOrderCreated } from '../follow-ups/journey-follow-ups.js';
import { enqueueNotification } from '../notifications/enqueue-notification.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { toStoreSchedule } from '../stores/store-schedule.js';
import { StoreEntity } from '../stores/store.entity.js';
import { createSurveyInvitation } from '../surveys/create-survey-invitation.js';
import { modelSubject } from '../vehicle-models/model-subject.js';
import { VehicleModelEntity } from '../vehicle-models/vehicle-model.entity.js';
import { DeliveryChecklistTemplateEntity } from './entities/delivery-checklist-template.entity.js';
import { DeliveryConfirmationEntity } from './entities/delivery-confirmation.entity.js';
import { DeliveryEventEntity } from './entities/delivery-event.entity.js';
import { DeliverySignatureEntity } from './entities/delivery-signature.entity.js';
import { newDeliveryState, SalesOrderEntity } from './entities/sales-order.entity.js';
import { toDeliverySnapshot, toSalesOrderResponse, type OrderDetails } from './sales-order.mapper.js';
import { parseSignatureDataUrl, toPngDataUrl } from './signature-image.js';

type StaffActor = Extract<DeliveryActor, { kind: 'staff' }>;

/** Parameters some actions need; shapes validated by the DTOs before they get here. */
export interface DeliveryActionParams {
  options?: DeliveryDateChoice[];
  reason?: string;
  note?: string;
  startsAt?: string;
  partySize?: number;
  outcome?: 'confirmed' | 'not_reached';
  checklist?: TickChecklistRequest;
  signature?: string;
  signerName?: string;
}

const NOT_FOUND = '未找到该订单';

/** Which message the customer is owed after a store action. */
const NOTIFY: Partial<Record<DeliveryAction, NotificationKind>> = {
  offer_dates: 'delivery_dates_offered',
  declare_delay: 'delivery_delayed',
  mark_ready: 'delivery_ready',
};

@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    @InjectRepository(SalesOrderEntity) private readonly orders: Repository<SalesOrderEntity>,
    @InjectRepository(DeliveryEventEntity) private readonly events: Repository<DeliveryEventEntity>,
    @InjectRepository(DeliveryConfirmationEntity)
    private readonly confirmations: Repository<DeliveryConfirmationEntity>,
    @InjectRepository(DeliverySignatureEntity)
    private readonly signatures: Repository<DeliverySignatureEntity>,
    @InjectRepository(DeliveryChecklistTemplateEntity)
    private readonly templates: Repository<DeliveryChecklistTemplateEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(VehicleModelEntity) private readonly models: Repository<VehicleModelEntity>,
    @InjectRepository(StaffUserEntity) private readonly staff: Repository<StaffUserEntity>,
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
  ) {}

  // ---- checklists -------------------------------------------------------------------------

  async checklistTemplates(storeId: number): Promise<DeliveryChecklistTemplates> {
    await this.store(storeId);
    const rows = await this.templates.findBy({ storeId });
    const lists = { ...DEFAULT_DELIVERY_CHECKLISTS };
    for (const row of rows) lists[row.kind] = row.items;
    return lists;
  }

  async saveChecklistTemplates(
    storeId: number,
    body: DeliveryChecklistTemplates,
  ): Promise<DeliveryChecklistTemplates> {
    await this.store(storeId);
    const errors = CHECKLIST_KINDS.flatMap((kind) => validateChecklistTemplate(body[kind], kind));
    if (errors.length > 0) throw new DomainException(ErrorCode.ValidationFailed, '清单内容不正确', errors);
    await this.transactions.run(async (manager) => {
      for (const kind of CHECKLIST_KINDS) {
        const items = body[kind].map(({ key, label }) => ({ key, label: label.trim() }));
        await manager.upsert(DeliveryChecklistTemplateEntity, { storeId, kind, items }, ['storeId', 'kind']);
      }
    });
    return this.checklistTemplates(storeId);
  }

  // ---- orders -----------------------------------------------------------------------------

  async create(
    actor: StaffActor,
    storeId: number,
    body: CreateSalesOrderRequest,
    claim?: IdempotencyClaim,
    now = new Date(),
  ): Promise<SalesOrder> {
    this.assertStaffStore(actor, storeId);
    const store = await this.store(storeId);
    const today = localDateIn(store.timeZone, now);
    const errors: FieldError[] = validatePromisedWindow(body.promisedFrom, body.promisedTo, today);
    let vin: string | null = null;
    if (body.vin) {
      const checked = validateVin(body.vin);
      if (checked.valid) vin = checked.normalized;
      else errors.push({ field: 'vin', message: VIN_REASON_ZH[checked.reason] });
    }
    const model = await this.models.findOneBy({ id: body.modelId, active: true });
    if (!model) errors.push({ field: 'modelId', message: '车型不存在或已停售' });
    const consultantId = await this.consultantFor(actor, storeId, body.consultantId, errors);
    if (errors.length > 0) throw new DomainException(ErrorCode.ValidationFailed, '订单信息有误', errors);

    const templates = await this.checklistTemplates(storeId);
    const linked = await this.customers.findOneBy({ phone: body.customerMobile });
    const id = await this.transactions.run(async (manager) => {
      const order = manager.create(SalesOrderEntity, {
        storeId,
        customerId: linked?.id ?? null,
        customerName: body.customerName,
        customerMobile: body.customerMobile,
        modelId: body.modelId,
        trim: body.trim,
        colour: body.colour,
        vin,
        consultantId,
        promisedFrom: body.promisedFrom,
        promisedTo: body.promisedTo,
        ...newDeliveryState(checklistsFromTemplates(templates)),
      });
      await this.insertWithOrderNumber(manager, order, today);
      await this.recordEvent(manager, order, actor, 'create', null, null);
      await onSalesOrderCreated(manager, order);
      await claim?.bind(manager, order.id);
      return order.id;
    });
    return this.view(id, actor, now);
  }

  /** Every order of the store still waiting for a date, and those scheduled in [from, from + days) or overdue. */
  async listForStore(
    actor: StaffActor,
    storeId: number,
    query: StoreOrdersQuery,
    now = new Date(),
  ): Promise<SalesOrder[]> {
    this.assertStaffStore(actor, storeId);
    const store = await this.store(storeId);
    const from = query.from ?? localDateIn(store.timeZone, now);
    if (!isIsoDate(from)) {
      throw new DomainException(ErrorCode.ValidationFailed, '日期不存在', [
        { field: 'from', message: '日期不存在' },
      ]);
    }
    const to = addDays(from, query.days ?? 7);
    const today = localDateIn(store.timeZone, now);
    const rows = await this.orders
      .createQueryBuilder('o')
      .where('o.store_id = :storeId', { storeId })
      .andWhere(
        `(o.status = 'scheduling'
          OR (o.scheduled_date >= :from AND o.scheduled_date < :to)
          OR (o.status IN ('date_confirmed', 'ready') AND o.scheduled_date < :today))`,
        { from, to, today },
      )
      .orderBy('o.scheduled_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
    return this.toResponses(rows, actor, now);
  }

  /** The customer's orders, linking any order placed under their bound phone first. */
  async listMine(customerId: number, now = new Date()): Promise<SalesOrder[]> {
    await this.linkByPhone(customerId);
    const rows = await this.orders.find({ where: { customerId }, order: { id: 'DESC' } });
    return this.toResponses(rows, { kind: 'customer', customerId }, now);
  }

  async getForCustomer(customerId: number, id: number, now = new Date()): Promise<SalesOrder> {
    await this.linkByPhone(customerId);
    const order = await this.orders.findOneBy({ id, customerId });
    if (!order) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return this.view(id, { kind: 'customer', customerId }, now);
  }

  async getForStaff(actor: StaffActor, id: number, now = new Date()): Promise<SalesOrder> {
    await this.visibleOrder(actor, id);
    return this.view(id, actor, now);
  }

  async assignVin(actor: StaffActor, id: number, input: string, now = new Date()): Promise<SalesOrder> {
    const checked = validateVin(input);
    if (!checked.valid) {
      throw new DomainException(ErrorCode.ValidationFailed, VIN_REASON_ZH[checked.reason], [
        { field: 'vin', message: VIN_REASON_ZH[checked.reason] },
      ]);
    }
    await this.visibleOrder(actor, id);
    try {
      await this.transactions.run(async (manager) => {
        const order = await this.lockOrder(manager, id);
        if (order.status === 'delivered' || order.status === 'cancelled') {
          throw new DomainException(ErrorCode.Conflict, '订单已结束，不能再修改 VIN');
        }
        order.vin = checked.normalized;
        await manager.save(order);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, '该 VIN 已分配给其他订单');
      throw error;
    }
    return this.view(id, actor, now);
  }

  async signature(actor: StaffActor, id: number): Promise<DeliverySignature> {
    await this.visibleOrder(actor, id);
    const row = await this.signatures.findOneBy({ orderId: id });
    if (!row) throw new DomainException(ErrorCode.NotFound, '该订单还没有交车签名');
    return {
      signedAt: new Date(row.signedAt).toISOString(),
      signerName: row.signerName,
      image: toPngDataUrl(row.image),
    };
  }

  /** Takes one lifecycle action, if decideDeliveryAction allows it, and records it. */
  async act(
    actor: DeliveryActor,
    id: number,
    action: DeliveryAction,
    params: DeliveryActionParams = {},
    now = new Date(),
  ): Promise<SalesOrder> {
    if (actor.kind === 'customer') await this.linkByPhone(actor.customerId);
    const found = await this.orders.findOneBy({ id });
    if (!found) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    const store = await this.store(found.storeId);
    const offered = this.checkOfferedDates(action, params, store, now);
    const signature = action === 'deliver' ? this.checkSignature(params.signature ?? '') : null;

    await this.transactions.run(async (manager) => {
      const order = await this.lockOrder(manager, id);
      const confirmations = await manager.find(DeliveryConfirmationEntity, {
        where: { orderId: id },
        order: { id: 'ASC' },
      });
      const snapshot = toDeliverySnapshot(order, store.timeZone, confirmations);
      const decision = decideDeliveryAction(snapshot, actor, action, now, params.checklist?.kind);
      if (!decision.allowed) {
        if (decision.reason === 'not_owner' || decision.reason === 'out_of_store') {
          throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
        }
        if (decision.reason === 'wrong_actor')
          throw new DomainException(ErrorCode.Forbidden, decision.message);
        throw new DomainException(ErrorCode.Conflict, decision.message);
      }
      const from = order.status;
      let note: string | null = params.note?.trim() || null;

      switch (action) {
        case 'choose_date': {
          const startsAt = params.startsAt ?? '';
          if (!isOfferedOption(order.dateOptions, startsAt)) {
            throw new DomainException(ErrorCode.Conflict, '该时间已不在门店提供的选项中，请刷新后重新选择');
          }
          if (new Date(startsAt).getTime() <= now.getTime()) {
            throw new DomainException(ErrorCode.Conflict, '该时间已过，请选择其他时间或申请其他时间');
          }
          const option = toDateOption(startsAt, store.timeZone);
          order.scheduledAt = new Date(option.startsAt);
          order.scheduledDate = option.localDate;
          order.partySize = params.partySize ?? 1;
          order.customerNote = note;
          order.dateOptions = [];
          order.delayReason = null;
          order.delayedAt = null;
          note = [`${option.localDate} ${option.localTime}`, `${order.partySize}人到店`, note]
            .filter(Boolean)
            .join('，');
          break;
        }
        case 'request_other_dates':
          order.customerNote = note;
          this.clearAppointment(order);
          break;
        case 'confirm_attendance':
        case 'record_call': {
          const due = confirmationDue(snapshot, now)!;
          const outcome = action === 'confirm_attendance' ? 'confirmed' : params.outcome!;
          await manager.insert(DeliveryConfirmationEntity, {
            orderId: id,
            stage: due.stage,
            scheduledAt: order.scheduledAt!,
            byKind: actor.kind,
            outcome,
            note,
            staffName: actor.kind === 'staff' ? await this.staffName(manager, actor.staffId) : null,
            at: now,
          });
          note = [due.stage, outcome === 'confirmed' ? '确认按时到店' : '未接通', note]
            .filter(Boolean)
            .join(' ');
          break;
        }
        case 'offer_dates':
          order.dateOptions = offered;
          break;
        case 'declare_delay':
          order.delayReason = params.reason!.trim();
          order.delayedAt = now;
          this.clearAppointment(order);
          order.dateOptions = offered;
          note = params.reason!.trim();
          break;
        case 'tick_checklist': {
          const { kind, key, done } = params.checklist!;
          const name = actor.kind === 'staff' ? await this.staffName(manager, actor.staffId) : '';
          const items = tickChecklistItem(order.checklists[kind], key, done, { name: name ?? '', at: now });
          if (!items) throw new DomainException(ErrorCode.NotFound, '清单中没有该项');
          order.checklists = { ...order.checklists, [kind]: items };
          break;
        }
        case 'mark_ready':
          break;
        case 'deliver':
          await manager.insert(DeliverySignatureEntity, {
            orderId: id,
            image: signature!,
            signerName: params.signerName!.trim(),
            signedAt: now,
          });
          order.deliveredAt = now;
          note = `签收人：${params.signerName!.trim()}`;
          break;
        case 'cancel_order':
          order.cancelReason = params.reason!.trim();
          note = order.cancelReason;
          break;
      }

      order.status = nextDeliveryStatus(from, action);
      await manager.save(order);
      // Ticks are kept on the items themselves (who and when); the timeline keeps the steps.
      if (action !== 'tick_checklist') await this.recordEvent(manager, order, actor, action, from, note);
      // What the message and the survey are about: the car model is read once, and only if needed.
      let subject: Promise<string> | undefined;
      const subjectOf = () => (subject ??= modelSubject(manager, '交车', order.modelId));
      await this.tellCustomer(manager, order, action, store, subjectOf);
      if (action === 'deliver') await this.owesSalesSurvey(manager, order, store, now, await subjectOf());
      await onDeliveryAction(manager, order, action, now, {
        staffId: actor.kind === 'staff' ? actor.staffId : null,
      });
    });
    return this.view(id, actor, now);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private checkOfferedDates(
    action: DeliveryAction,
    params: DeliveryActionParams,
    store: StoreEntity,
    now: Date,
  ): SalesOrderEntity['dateOptions'] {
    if (action !== 'offer_dates' && action !== 'declare_delay') return [];
    const { errors, options } = validateDateOptions(params.options ?? [], toStoreSchedule(store), now);
    if (errors.length > 0) throw new DomainException(ErrorCode.ValidationFailed, errors[0]!.message, errors);
    return options;
  }

  private checkSignature(dataUrl: string): Buffer {
    const parsed = parseSignatureDataUrl(dataUrl);
    if (!parsed.ok) {
      throw new DomainException(ErrorCode.ValidationFailed, parsed.message, [
        { field: 'signature', message: parsed.message },
      ]);
    }
    return parsed.png;
  }

  private clearAppointment(order: SalesOrderEntity): void {
    order.scheduledAt = null;
    order.scheduledDate = null;
    order.partySize = null;
    order.dateOptions = [];
  }

  /** The consultant of a new order: the caller, or one the store's manager picks. */
  private async consultantFor(
    actor: StaffActor,
    storeId: number,
    requested: number | null | undefined,
    errors: FieldError[],
  ): Promise<number> {
    // An optional field sent as null passes validation: it means "not given", as leaving it out.
    if (requested === undefined || requested === null || requested === actor.staffId) return actor.staffId;
    if (actor.role === 'consultant') {
      throw new DomainException(ErrorCode.Forbidden, '只有店长可以为其他顾问建单');
    }
    const consultant = await this.staff.findOneBy({ id: requested, storeId, active: true });
    if (!consultant || consultant.role === 'admin') {
      errors.push({ field: 'consultantId', message: '请选择本店在职的销售顾问' });
    }
    return requested;
  }

  /** Links every unlinked order placed under the customer's bound phone to them. */
  private async linkByPhone(customerId: number): Promise<void> {
    const customer = await this.customers.findOneBy({ id: customerId });
    if (!customer?.phone) return;
    await this.orders.update({ customerId: IsNull(), customerMobile: customer.phone }, { customerId });
  }

  private async insertWithOrderNumber(
    manager: EntityManager,
    order: SalesOrderEntity,
    today: string,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      order.orderNo = generateOrderNumber(today);
      try {
        await manager.save(order);
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 4) throw error;
        if (order.vin && (await manager.findOneBy(SalesOrderEntity, { vin: order.vin }))) {
          throw new DomainException(ErrorCode.Conflict, '该 VIN 已分配给其他订单');
        }
      }
    }
  }

  private async lockOrder(manager: EntityManager, id: number): Promise<SalesOrderEntity> {
    const order = await manager.getRepository(SalesOrderEntity).findOne({
      where: { id },
      ...this.transactions.forUpdate,
    });
    if (!order) throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    return order;
  }

  private async visibleOrder(actor: StaffActor, id: number): Promise<SalesOrderEntity> {
    const order = await this.orders.findOneBy({ id });
    if (!order || !canAccessStore({ role: actor.role, storeId: actor.storeId }, order.storeId)) {
      throw new DomainException(ErrorCode.NotFound, NOT_FOUND);
    }
    return order;
  }

  private assertStaffStore(actor: StaffActor, storeId: number): void {
    if (!canAccessStore({ role: actor.role, storeId: actor.storeId }, storeId)) {
      throw new DomainException(ErrorCode.OutOfStoreScope);
    }
  }

  private async store(id: number): Promise<StoreEntity> {
    const store = await this.stores.findOne({
      where: { id },
      relations: { openingPeriods: true, closedDates: true },
    });
    if (!store) throw new DomainException(ErrorCode.NotFound, '门店不存在');
    return store;
  }

  private async staffName(manager: EntityManager, staffId: number): Promise<string | null> {
    return (await manager.findOneBy(StaffUserEntity, { id: staffId }))?.displayName ?? null;
  }

  private async recordEvent(
    manager: EntityManager,
    order: SalesOrderEntity,
    actor: DeliveryActor,
    action: DeliveryAction | 'create',
    from: SalesOrderEntity['status'] | null,
    note: string | null,
  ): Promise<void> {
    await manager.insert(DeliveryEventEntity, {
      orderId: order.id,
      at: new Date(),
      actorKind: actor.kind,
      actorId: actor.kind === 'staff' ? actor.staffId : actor.customerId,
      actorName: actor.kind === 'staff' ? await this.staffName(manager, actor.staffId) : order.customerName,
      action,
      fromStatus: from,
      toStatus: order.status,
      note: note ? note.slice(0, 200) : null,
    });
  }

  /** Owes the customer a message for new options, a delay, or a car ready; only linked customers can receive one. */
  private async tellCustomer(
    manager: EntityManager,
    order: SalesOrderEntity,
    action: DeliveryAction,
    store: StoreEntity,
    subjectOf: () => Promise<string>,
  ): Promise<void> {
    const kind = NOTIFY[action];
    if (!kind || order.customerId === null) return;
    const times =
      kind === 'delivery_ready' && order.scheduledAt
        ? [messageTime(order.scheduledAt, store.timeZone)]
        : order.dateOptions.map((option) => messageTime(option.startsAt, store.timeZone));
    await enqueueNotification(manager, {
      kind,
      customerId: order.customerId,
      storeId: store.id,
      subjectType: 'delivery',
      subjectId: order.id,
      page: `subpackages/delivery/pages/detail/index?id=${order.id}`,
      data: {
        subject: clipForMessage(await subjectOf()),
        storeName: store.name,
        time: times.join('；'),
        remark: kind === 'delivery_delayed' ? (order.delayReason ?? '') : '',
      },
    });
  }

  /** A delivered car owes the customer the purchase survey (sent the next day), committed with the handover. */
  private async owesSalesSurvey(
    manager: EntityManager,
    order: SalesOrderEntity,
    store: StoreEntity,
    now: Date,
    subject: string,
  ): Promise<void> {
    await createSurveyInvitation(
      manager,
      {
        type: 'order_delivered',
        id: order.id,
        at: now,
        store,
        consultantId: order.consultantId,
        customerId: order.customerId,
        customerName: order.customerName,
        customerMobile: order.customerMobile,
        what: subject,
      },
      this.config.survey.policy,
    );
  }

  private async view(id: number, viewer: DeliveryActor, now: Date): Promise<SalesOrder> {
    const order = await this.orders.findOneByOrFail({ id });
    const [response] = await this.toResponses([order], viewer, now);
    return response!;
  }

  /** Answers for several orders with one query per related table. */
  private async toResponses(
    rows: SalesOrderEntity[],
    viewer: DeliveryActor,
    now: Date,
  ): Promise<SalesOrder[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [stores, models, staff, events, confirmations, signatures] = await Promise.all([
      this.stores.findBy({ id: In([...new Set(rows.map((row) => row.storeId))]) }),
      this.models.findBy({ id: In([...new Set(rows.map((row) => row.modelId))]) }),
      this.staff.findBy({ id: In([...new Set(rows.map((row) => row.consultantId))]) }),
      this.events.find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
      this.confirmations.find({ where: { orderId: In(ids) }, order: { id: 'ASC' } }),
      this.signatures.find({
        where: { orderId: In(ids) },
        select: { orderId: true, signedAt: true, signerName: true },
      }),
    ]);
    const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((item) => [item.id, item]));
    const storeById = byId(stores);
    const modelById = byId(models);
    const staffById = byId(staff);
    return rows.map((order) => {
      const model = modelById.get(order.modelId);
      const signature = signatures.find((row) => row.orderId === order.id);
      const details: OrderDetails = {
        store: storeById.get(order.storeId)!,
        modelName: model ? modelDisplayName(model) : '',
        consultant: staffById.get(order.consultantId) ?? null,
        events: events.filter((event) => event.orderId === order.id),
        confirmations: confirmations.filter((entry) => entry.orderId === order.id),
        signature: signature ? { signedAt: signature.signedAt, signerName: signature.signerName } : null,
      };
      return toSalesOrderResponse(order, details, viewer, now);
    });
  }
}
