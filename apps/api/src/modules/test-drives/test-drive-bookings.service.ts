import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, MoreThan, Not, Repository, type EntityManager } from 'typeorm';
import {
  CAR_HOLDING_STATUSES,
  canAccessStore,
  decideBookingAction,
  ErrorCode,
  findBookableSlot,
  generateBookingReference,
  licenceLastFourMatches,
  maskLicenceForDisplay,
  messageTime,
  nextBookingStatus,
  normalizeMobile,
  parseResidentId,
  testDriveNotificationKind,
  utcToZoned,
  validateBookingRequestFields,
  zonedToUtc,
  addDays,
  type BookingAction,
  type BookingActor,
  type BookingStatus,
  type CreateBookingRequest,
  type GridSlot,
  type TestDriveBooking,
  type TestDriveChanges,
  type TestDriveConsent,
} from '@dealer-care/domain';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import type { IdempotencyClaim } from '../../common/idempotency/idempotency.service.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { onTestDriveAction, onTestDriveBooked } from '../follow-ups/journey-follow-ups.js';
import { JobRunner } from '../jobs/job-runner.js';
import { enqueueNotification } from '../notifications/enqueue-notification.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { createSurveyInvitation } from '../surveys/create-survey-invitation.js';
import { TestDriveCarEntity } from '../stores/test-drive-car.entity.js';
import { modelSubject } from '../vehicle-models/model-subject.js';
import { storeBookingRecords } from './booking-records.js';
import {
  toBookingResponse,
  toSnapshot,
  type BookingEventRecord,
  type BookingRecord,
} from './booking.mapper.js';
import { TestDriveBookingEventEntity } from './entities/test-drive-booking-event.entity.js';
import { TestDriveBookingEntity } from './entities/test-drive-booking.entity.js';
import { TestDriveCarHoldEntity } from './entities/test-drive-car-hold.entity.js';
import { TestDriveConsentEntity } from './entities/test-drive-consent.entity.js';
import { LicenceVault } from './licence-vault.js';
import {
  assertIsoDate,
  TestDriveScheduleService,
  type StoreBookingContext,
} from './test-drive-schedule.service.js';

/** Parameters some actions need; validated by the DTOs before they get here. */
export interface ActionParams {
  reason?: string;
  startsAt?: string;
  note?: string;
  carId?: number;
  licenceLastFour?: string;
  consentSigned?: boolean;
}

/** Thrown inside a transaction when no car is free; turned into the 409 with suggestions outside it. */
class SlotTaken extends Error {}

const BOOKING_RELATIONS = { store: true, model: true, car: true, consultant: true } as const;
const CUSTOMER_CHANGE_ACTIONS = [
  'create',
  'cancel',
  'reschedule',
  'accept_proposal',
  'decline_proposal',
] as const;
/** The recurring job that forgets licence numbers once their retention has run out. */
export const LICENCE_PURGE_JOB = 'test-drives.purge-licences';
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
const CHANGES_PAGE = 200;

@Injectable()
export class TestDriveBookingsService implements OnModuleInit {
  private readonly logger = new Logger(TestDriveBookingsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly schedule: TestDriveScheduleService,
    private readonly vault: LicenceVault,
    private readonly jobs: JobRunner,
    @InjectRepository(TestDriveBookingEntity) private readonly bookings: Repository<TestDriveBookingEntity>,
    @InjectRepository(TestDriveBookingEventEntity)
    private readonly events: Repository<TestDriveBookingEventEntity>,
    @InjectRepository(TestDriveConsentEntity) private readonly consents: Repository<TestDriveConsentEntity>,
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
  ) {}

  /** Hourly, in one process at a time; a failed run is logged by the runner and the next one catches up. */
  onModuleInit(): void {
    void this.jobs.registerRecurring(LICENCE_PURGE_JOB, PURGE_INTERVAL_MS, async ({ now }) => {
      const purged = await this.purgeExpiredLicences(now);
      if (purged > 0) this.logger.log(`Purged licence numbers of ${purged} finished test drives`);
    });
  }

  async currentConsent(): Promise<TestDriveConsent> {
    const [consent] = await this.consents.find({ order: { publishedAt: 'DESC' }, take: 1 });
    if (!consent) throw new DomainException(ErrorCode.ServiceUnavailable, '试驾同意书尚未发布');
    return {
      version: consent.version,
      title: consent.title,
      body: consent.body,
      licenceConsentText: consent.licenceConsentText,
    };
  }

  // ---- customer ------------------------------------------------------------------------------

  /** `claim`: the request's Idempotency-Key, bound to the booking in the booking's own transaction. */
  async create(
    customerId: number,
    request: CreateBookingRequest,
    claim?: IdempotencyClaim,
    now = new Date(),
  ): Promise<TestDriveBooking> {
    const context = await this.schedule.storeContext(request.storeId);
    await this.schedule.activeModel(request.modelId);
    const consent = await this.currentConsent();
    // No mobile given: the phone the customer bound through WeChat (verified by WeChat).
    const mobile = request.mobile ?? (await this.customers.findOneBy({ id: customerId }))?.phone ?? '';
    const slot = findBookableSlot(request.startsAt, { store: context.schedule, policy: context.policy, now });
    const driveDate = utcToZoned(slot ? new Date(slot.startsAt) : now, context.schedule.timeZone).date;
    const errors = validateBookingRequestFields({
      customerName: request.customerName,
      mobile,
      licenceNumber: request.licenceNumber,
      licenceConsent: request.licenceConsent,
      consentVersion: request.consentVersion,
      currentConsentVersion: consent.version,
      driveDate,
      minDriverAge: context.policy.minDriverAge,
    });
    if (!slot) errors.push({ field: 'startsAt', message: '该时段不可预约，请重新选择' });
    if (errors.length > 0 || !slot) {
      throw new DomainException(
        ErrorCode.ValidationFailed,
        `以下信息有误：${errors.map((e) => e.message).join('；')}`,
        errors,
      );
    }
    const licence = parseResidentId(request.licenceNumber);
    if (!licence.valid) throw new Error('unreachable: licence validated above');
    const cars = await this.schedule.carsInService(request.storeId, request.modelId);
    if (cars.length === 0)
      throw new DomainException(ErrorCode.Conflict, '该门店暂无此车型的试驾车，请选择其他车型或门店');

    let bookingId: number;
    try {
      bookingId = await this.transactions.run(async (manager) => {
        await this.lockCustomer(manager, customerId);
        await this.assertCustomerCanHold(manager, customerId, slot, context, null);
        const booking = await this.insertWithReference(
          manager,
          manager.create(TestDriveBookingEntity, {
            storeId: request.storeId,
            modelId: request.modelId,
            customerId,
            startsAt: new Date(slot.startsAt),
            endsAt: new Date(slot.endsAt),
            status: 'requested',
            customerName: request.customerName.trim(),
            mobile: normalizeMobile(mobile),
            licenceMasked: maskLicenceForDisplay(licence.normalized),
            licenceHash: this.vault.hash(licence.normalized),
            licenceEncrypted: this.vault.encrypt(licence.normalized),
            licencePurgedAt: null,
            consentVersion: consent.version,
            consentAcceptedAt: now,
            licenceConsentAt: now,
            note: request.note?.trim() || null,
            carId: null,
            consultantId: null,
            rescheduleCount: 0,
            closingReason: null,
          }),
        );
        const held = await this.holdFreeCar(manager, booking.id, cars, new Date(slot.startsAt), null);
        if (held === null) throw new SlotTaken();
        await this.recordEvent(
          manager,
          booking,
          { kind: 'customer', customerId },
          'create',
          null,
          'requested',
          {
            startsAt: new Date(slot.startsAt),
          },
        );
        await onTestDriveBooked(manager, booking, now);
        await claim?.bind(manager, booking.id);
        return booking.id;
      });
    } catch (error) {
      if (error instanceof SlotTaken) throw await this.slotTakenProblem(context, request.modelId, slot, now);
      throw error;
    }
    return this.view(bookingId, { kind: 'customer', customerId }, now);
  }

  async listMine(customerId: number, now = new Date()): Promise<TestDriveBooking[]> {
    const bookings = await this.bookings.find({
      where: { customerId },
      relations: BOOKING_RELATIONS,
      order: { startsAt: 'DESC', id: 'DESC' },
      take: 100,
    });
    return this.toResponses(bookings, { kind: 'customer', customerId }, now);
  }

  async getForCustomer(customerId: number, id: number, now = new Date()): Promise<TestDriveBooking> {
    // Another customer's booking is simply not found: its existence is not theirs to learn.
    const booking = await this.bookings.findOneBy({ id, customerId });
    if (!booking) throw new DomainException(ErrorCode.NotFound, '未找到该预约');
    return this.view(id, { kind: 'customer', customerId }, now);
  }

  // ---- staff ---------------------------------------------------------------------------------

  async listDay(
    actor: Extract<BookingActor, { kind: 'staff' }>,
    storeId: number,
    date: string,
    status: BookingStatus | undefined,
    now = new Date(),
  ): Promise<TestDriveBooking[]> {
    this.assertStaffStore(actor, storeId);
    assertIsoDate(date, 'date');
    const context = await this.schedule.storeContext(storeId);
    const from = zonedToUtc(date, '00:00', context.schedule.timeZone);
    const to = zonedToUtc(addDays(date, 1), '00:00', context.schedule.timeZone);
    const { bookings, events } = await storeBookingRecords(this.bookings.manager, {
      store: context.store,
      from,
      to,
      status,
    });
    return this.toResponses(bookings, actor, now, context, events);
  }

  async getForStaff(actor: Extract<BookingActor, { kind: 'staff' }>, id: number, now = new Date()) {
    const booking = await this.bookings.findOneBy({ id });
    if (!booking || !canAccessStore({ role: actor.role, storeId: actor.storeId }, booking.storeId)) {
      throw new DomainException(ErrorCode.NotFound, '未找到该预约');
    }
    return this.view(id, actor, now);
  }

  /** Customers' changes to a store's bookings since an instant (the portal polls this). */
  async changes(
    actor: Extract<BookingActor, { kind: 'staff' }>,
    storeId: number,
    since: Date,
  ): Promise<TestDriveChanges> {
    this.assertStaffStore(actor, storeId);
    const serverTime = new Date();
    const events = await this.events.find({
      where: {
        storeId,
        actorKind: 'customer',
        at: MoreThan(since),
        action: In([...CUSTOMER_CHANGE_ACTIONS]),
      },
      relations: { booking: true },
      order: { at: 'ASC', id: 'ASC' },
      take: CHANGES_PAGE,
    });
    // A full page continues from its last change, so the next poll picks up the rest.
    const last = events.length === CHANGES_PAGE ? events[events.length - 1] : undefined;
    return {
      serverTime: (last ? new Date(last.at) : serverTime).toISOString(),
      changes: events.map((event) => ({
        bookingId: event.bookingId,
        action: event.action as TestDriveChanges['changes'][number]['action'],
        at: new Date(event.at).toISOString(),
        customerName: event.booking?.customerName ?? '',
        startsAt: new Date(event.startsAt ?? event.booking?.startsAt ?? event.at).toISOString(),
      })),
    };
  }

  // ---- transitions (customer and staff) ------------------------------------------------------

  /** Runs one lifecycle action; `decideBookingAction` alone decides whether it is allowed. */
  async act(
    actor: BookingActor,
    bookingId: number,
    action: BookingAction,
    params: ActionParams = {},
    now = new Date(),
  ): Promise<TestDriveBooking> {
    const found = await this.bookings.findOneBy({ id: bookingId });
    if (!found) throw new DomainException(ErrorCode.NotFound, '未找到该预约');
    // Someone else's booking is not found, before anything else could tell that it exists.
    const foreign =
      (actor.kind === 'customer' && found.customerId !== actor.customerId) ||
      (actor.kind === 'staff' &&
        !canAccessStore({ role: actor.role, storeId: actor.storeId }, found.storeId));
    if (foreign) throw new DomainException(ErrorCode.NotFound, '未找到该预约');
    const context = await this.schedule.storeContext(found.storeId);
    let target: GridSlot | null = null;
    if (action === 'accept_proposal' && found.proposalStartsAt) {
      const slotCheck = { store: context.schedule, policy: context.policy, now };
      target = findBookableSlot(new Date(found.proposalStartsAt).toISOString(), slotCheck);
    }
    if (action === 'reschedule' || action === 'propose') {
      target = findBookableSlot(params.startsAt ?? '', {
        store: context.schedule,
        policy: context.policy,
        now,
      });
      if (!target) {
        throw new DomainException(ErrorCode.ValidationFailed, '所选时段不可预约，请重新选择', [
          { field: 'startsAt', message: '不在可预约时段内' },
        ]);
      }
    }

    try {
      await this.transactions.run(async (manager) => {
        const booking = await this.lockBooking(manager, bookingId);
        const decision = decideBookingAction(toSnapshot(booking), actor, action, context.policy, now);
        if (!decision.allowed) {
          if (decision.reason === 'not_owner' || decision.reason === 'out_of_store') {
            throw new DomainException(ErrorCode.NotFound, '未找到该预约');
          }
          if (decision.reason === 'wrong_actor')
            throw new DomainException(ErrorCode.Forbidden, decision.message);
          throw new DomainException(ErrorCode.Conflict, decision.message);
        }
        const from = booking.status;
        const to = nextBookingStatus(from, action);
        let eventStartsAt: Date | null = null;

        switch (action) {
          case 'cancel':
          case 'cancel_by_store':
          case 'reject':
            booking.closingReason = params.reason?.trim() || null;
            await this.releaseHold(manager, booking.id);
            this.clearProposal(booking);
            break;
          case 'complete':
          case 'mark_no_show':
            await this.releaseHold(manager, booking.id);
            this.clearProposal(booking);
            break;
          case 'reschedule': {
            const slot = target!;
            if (new Date(slot.startsAt).getTime() === new Date(booking.startsAt).getTime()) {
              throw new DomainException(ErrorCode.Conflict, '新时间与原预约时间相同');
            }
            await this.moveTo(manager, booking, slot, context, actor);
            booking.carId = null;
            booking.consultantId = null;
            eventStartsAt = new Date(slot.startsAt);
            break;
          }
          case 'accept_proposal': {
            const slot = findBookableSlot(new Date(booking.proposalStartsAt!).toISOString(), {
              store: context.schedule,
              policy: context.policy,
              now,
            });
            if (!slot) throw new DomainException(ErrorCode.Conflict, '建议的时间已过或不再可约，请联系门店');
            const proposer = booking.proposedBy;
            const carId = await this.moveTo(manager, booking, slot, context, actor);
            booking.carId = carId;
            booking.consultantId = proposer;
            eventStartsAt = new Date(slot.startsAt);
            break;
          }
          case 'decline_proposal':
            booking.closingReason = null;
            this.clearProposal(booking);
            break;
          case 'propose': {
            const slot = target!;
            if (new Date(slot.startsAt).getTime() === new Date(booking.startsAt).getTime()) {
              throw new DomainException(ErrorCode.Conflict, '建议时间与原预约时间相同');
            }
            booking.proposalStartsAt = new Date(slot.startsAt);
            booking.proposalEndsAt = new Date(slot.endsAt);
            booking.proposalNote = params.note?.trim() || null;
            booking.proposedBy = actor.kind === 'staff' ? actor.staffId : null;
            booking.proposedAt = now;
            eventStartsAt = booking.proposalStartsAt;
            break;
          }
          case 'confirm':
            booking.carId = await this.assignCar(manager, booking, params.carId!);
            booking.consultantId = actor.kind === 'staff' ? actor.staffId : null;
            break;
          case 'check_in':
            this.assertLicenceMatches(booking, params);
            this.clearProposal(booking);
            break;
        }

        booking.status = to;
        await manager.save(booking);
        await this.recordEvent(manager, booking, actor, action, from, to, {
          reason: action === 'propose' ? params.note : params.reason,
          startsAt: eventStartsAt,
        });
        await this.tellCustomer(manager, booking, action, context);
        if (action === 'complete') await this.owesFeedbackSurvey(manager, booking, context, now);
        await onTestDriveAction(manager, booking, action, now);
      });
    } catch (error) {
      if (error instanceof SlotTaken) {
        throw await this.slotTakenProblem(context, found.modelId, target ?? undefined, now);
      }
      throw error;
    }
    return this.view(bookingId, actor, now);
  }

  /** Forgets licence numbers of drives that ended more than LICENCE_RETENTION_DAYS ago. Returns how many. */
  async purgeExpiredLicences(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.licence.retentionDays * 86_400_000);
    const result = await this.bookings.update(
      { endsAt: LessThan(cutoff), licenceEncrypted: Not(IsNull()) },
      { licenceEncrypted: null, licenceHash: null, licencePurgedAt: now },
    );
    return result.affected ?? 0;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private assertStaffStore(actor: Extract<BookingActor, { kind: 'staff' }>, storeId: number): void {
    if (!canAccessStore({ role: actor.role, storeId: actor.storeId }, storeId)) {
      throw new DomainException(ErrorCode.OutOfStoreScope);
    }
  }

  private async lockCustomer(manager: EntityManager, customerId: number): Promise<void> {
    // Serialises one customer's bookings (count and overlap checks) across API processes.
    if (!this.transactions.isMysql) return;
    await manager
      .getRepository(CustomerEntity)
      .findOne({ where: { id: customerId }, lock: { mode: 'pessimistic_write' } });
  }

  private async lockBooking(manager: EntityManager, id: number): Promise<TestDriveBookingEntity> {
    const booking = await manager.getRepository(TestDriveBookingEntity).findOne({
      where: { id },
      ...this.transactions.forUpdate,
    });
    if (!booking) throw new DomainException(ErrorCode.NotFound, '未找到该预约');
    return booking;
  }

  /** The customer's own limits: how many car-holding bookings at once, and none overlapping. */
  private async assertCustomerCanHold(
    manager: EntityManager,
    customerId: number,
    slot: GridSlot,
    context: StoreBookingContext,
    exceptBookingId: number | null,
  ): Promise<void> {
    const active = (
      await manager.getRepository(TestDriveBookingEntity).find({
        where: { customerId, status: In([...CAR_HOLDING_STATUSES]) },
      })
    ).filter((booking) => booking.id !== exceptBookingId);
    if (exceptBookingId === null && active.length >= context.policy.maxActivePerCustomer) {
      throw new DomainException(
        ErrorCode.Conflict,
        `您已有${active.length}个进行中的试驾预约，请完成或取消后再预约`,
      );
    }
    const start = new Date(slot.startsAt).getTime();
    const end = new Date(slot.endsAt).getTime();
    const overlapping = active.find(
      (booking) => new Date(booking.startsAt).getTime() < end && new Date(booking.endsAt).getTime() > start,
    );
    if (overlapping) throw new DomainException(ErrorCode.Conflict, '您在该时段已有其他试驾预约');
  }

  private async insertWithReference(
    manager: EntityManager,
    booking: TestDriveBookingEntity,
  ): Promise<TestDriveBookingEntity> {
    for (let attempt = 0; ; attempt++) {
      booking.reference = generateBookingReference();
      try {
        return await manager.save(booking);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 4) throw error;
      }
    }
  }

  /**
   * Claims a car for the slot: tries the preferred car, then the others, one insert each; the
   * unique (car, slot) key decides races. Returns the car id, or null when every car is taken.
   */
  private async holdFreeCar(
    manager: EntityManager,
    bookingId: number,
    cars: TestDriveCarEntity[],
    slotStart: Date,
    preferredCarId: number | null,
  ): Promise<number | null> {
    const ordered = [...cars].sort(
      (a, b) => Number(b.id === preferredCarId) - Number(a.id === preferredCarId),
    );
    for (const car of ordered) {
      try {
        await manager.insert(TestDriveCarHoldEntity, { bookingId, carId: car.id, slotStart });
        return car.id;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return null;
  }

  private async releaseHold(manager: EntityManager, bookingId: number): Promise<void> {
    await manager.delete(TestDriveCarHoldEntity, { bookingId });
  }

  /** Moves a booking to another slot, keeping its car when that car is free then. */
  private async moveTo(
    manager: EntityManager,
    booking: TestDriveBookingEntity,
    slot: GridSlot,
    context: StoreBookingContext,
    actor: BookingActor,
  ): Promise<number> {
    if (actor.kind === 'customer') {
      await this.lockCustomer(manager, booking.customerId);
    }
    await this.assertCustomerCanHold(manager, booking.customerId, slot, context, booking.id);
    const previous = await manager.findOneBy(TestDriveCarHoldEntity, { bookingId: booking.id });
    await this.releaseHold(manager, booking.id);
    const cars = await this.schedule.carsInService(booking.storeId, booking.modelId, manager);
    const carId = await this.holdFreeCar(
      manager,
      booking.id,
      cars,
      new Date(slot.startsAt),
      previous?.carId ?? null,
    );
    if (carId === null) throw new SlotTaken();
    booking.startsAt = new Date(slot.startsAt);
    booking.endsAt = new Date(slot.endsAt);
    booking.rescheduleCount += 1;
    this.clearProposal(booking);
    return carId;
  }

  /** At confirmation the consultant picks the car: one of the store's cars of the model, in service, free then. */
  private async assignCar(
    manager: EntityManager,
    booking: TestDriveBookingEntity,
    carId: number,
  ): Promise<number> {
    const car = await manager.findOneBy(TestDriveCarEntity, { id: carId });
    if (!car || car.storeId !== booking.storeId || car.modelId !== booking.modelId || !car.inService) {
      throw new DomainException(ErrorCode.ValidationFailed, '请选择本门店该车型在用的试驾车', [
        { field: 'carId', message: '不是本门店该车型在用的试驾车' },
      ]);
    }
    const hold = await manager.findOneBy(TestDriveCarHoldEntity, { bookingId: booking.id });
    if (!hold) throw new DomainException(ErrorCode.Conflict, '该预约未占用试驾车，请刷新后重试');
    if (hold.carId !== carId) {
      try {
        await manager.update(TestDriveCarHoldEntity, { id: hold.id }, { carId });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new DomainException(
          ErrorCode.Conflict,
          `试驾车 ${car.plate} 在该时段已被其他预约占用，请选择其他车辆`,
        );
      }
    }
    return carId;
  }

  private assertLicenceMatches(booking: TestDriveBookingEntity, params: ActionParams): void {
    if (params.consentSigned !== true) {
      throw new DomainException(ErrorCode.ValidationFailed, '请先让客户签署《试乘试驾同意书》', [
        { field: 'consentSigned', message: '客户须签署同意书' },
      ]);
    }
    if (!booking.licenceEncrypted) {
      throw new DomainException(ErrorCode.Conflict, '该预约的驾驶证信息已按规定删除，无法核验');
    }
    if (!licenceLastFourMatches(this.vault.decrypt(booking.licenceEncrypted), params.licenceLastFour ?? '')) {
      throw new DomainException(ErrorCode.ValidationFailed, '驾驶证号后四位与预约信息不符，请核对证件', [
        { field: 'licenceLastFour', message: '与预约的驾驶证号不符' },
      ]);
    }
  }

  private clearProposal(booking: TestDriveBookingEntity): void {
    booking.proposalStartsAt = null;
    booking.proposalEndsAt = null;
    booking.proposalNote = null;
    booking.proposedBy = null;
    booking.proposedAt = null;
  }

  private async recordEvent(
    manager: EntityManager,
    booking: TestDriveBookingEntity,
    actor: BookingActor,
    action: BookingAction | 'create',
    from: BookingStatus | null,
    to: BookingStatus,
    extra: { reason?: string | null; startsAt?: Date | null },
  ): Promise<void> {
    const staff =
      actor.kind === 'staff' ? await manager.findOneBy(StaffUserEntity, { id: actor.staffId }) : null;
    await manager.insert(TestDriveBookingEventEntity, {
      // The app's clock, to the millisecond: the changes feed compares it with its own serverTime.
      at: new Date(),
      bookingId: booking.id,
      storeId: booking.storeId,
      actorKind: actor.kind,
      actorId: actor.kind === 'staff' ? actor.staffId : actor.kind === 'customer' ? actor.customerId : null,
      actorName: staff?.displayName ?? null,
      action,
      fromStatus: from,
      toStatus: to,
      reason: extra.reason?.trim() || null,
      startsAt: extra.startsAt ?? null,
    });
  }

  /** Owes the customer a message when the store changed their booking (confirmed, rejected, proposed, cancelled). */
  private async tellCustomer(
    manager: EntityManager,
    booking: TestDriveBookingEntity,
    action: BookingAction,
    context: StoreBookingContext,
  ): Promise<void> {
    const kind = testDriveNotificationKind(action);
    if (!kind) return;
    const timeZone = context.store.timeZone;
    const proposed = kind === 'test_drive_time_proposed' && booking.proposalStartsAt;
    await enqueueNotification(manager, {
      kind,
      customerId: booking.customerId,
      storeId: booking.storeId,
      subjectType: 'test_drive_booking',
      subjectId: booking.id,
      page: `subpackages/booking/pages/detail/index?id=${booking.id}`,
      data: {
        subject: (await modelSubject(manager, '试驾', booking.modelId)).trim(),
        storeName: context.store.name,
        time: messageTime(proposed ? booking.proposalStartsAt! : booking.startsAt, timeZone),
        remark: (proposed ? booking.proposalNote : booking.closingReason) ?? '',
      },
    });
  }

  /** A completed drive owes the customer the 试乘试驾意见表, committed with the completion. */
  private async owesFeedbackSurvey(
    manager: EntityManager,
    booking: TestDriveBookingEntity,
    context: StoreBookingContext,
    now: Date,
  ): Promise<void> {
    await createSurveyInvitation(
      manager,
      {
        type: 'test_drive_completed',
        id: booking.id,
        at: now,
        store: context.store,
        consultantId: booking.consultantId,
        customerId: booking.customerId,
        customerName: booking.customerName,
        customerMobile: booking.mobile,
        what: await modelSubject(manager, '试驾', booking.modelId),
      },
      this.config.survey.policy,
    );
  }

  private async slotTakenProblem(
    context: StoreBookingContext,
    modelId: number,
    slot: GridSlot | undefined,
    now: Date,
  ): Promise<DomainException> {
    const suggestedSlots = slot
      ? await this.schedule.suggestions(context, modelId, new Date(slot.startsAt), now)
      : [];
    const hint = suggestedSlots.length > 0 ? '，可选择下方推荐的相近时段' : '，请选择其他日期';
    return new DomainException(ErrorCode.Conflict, `该时段的试驾车刚刚被约满${hint}`, undefined, {
      suggestedSlots,
    });
  }

  private async view(id: number, viewer: BookingActor, now: Date): Promise<TestDriveBooking> {
    const booking = await this.bookings.findOne({ where: { id }, relations: BOOKING_RELATIONS });
    if (!booking) throw new DomainException(ErrorCode.NotFound, '未找到该预约');
    const [response] = await this.toResponses([booking], viewer, now);
    return response!;
  }

  private async toResponses(
    bookings: BookingRecord[],
    viewer: BookingActor,
    now: Date,
    context?: StoreBookingContext,
    knownEvents?: BookingEventRecord[],
  ): Promise<TestDriveBooking[]> {
    if (bookings.length === 0) return [];
    const events =
      knownEvents ?? (await this.events.find({ where: { bookingId: In(bookings.map((b) => b.id)) } }));
    const eventsOf = new Map<number, BookingEventRecord[]>();
    for (const event of events)
      eventsOf.set(event.bookingId, [...(eventsOf.get(event.bookingId) ?? []), event]);
    const contexts = new Map<number, StoreBookingContext>();
    if (context) contexts.set(context.store.id, context);
    for (const storeId of new Set(bookings.map((b) => b.storeId))) {
      if (!contexts.has(storeId)) contexts.set(storeId, await this.schedule.storeContext(storeId));
    }
    return bookings.map((booking) =>
      toBookingResponse(
        booking,
        eventsOf.get(booking.id) ?? [],
        viewer,
        contexts.get(booking.storeId)!.policy,
        now,
      ),
    );
  }
}
