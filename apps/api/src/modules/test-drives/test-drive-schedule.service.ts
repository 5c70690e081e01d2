import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository, type EntityManager } from 'typeorm';
import {
  CAR_HOLDING_STATUSES,
  computeAvailability,
  DEFAULT_BOOKING_POLICY,
  ErrorCode,
  localDateIn,
  nearestFreeSlots,
  utcToZoned,
  addDays,
  modelDisplayName,
  isIsoDate,
  validateBookingPolicy,
  type BookingPolicy,
  type DayAvailability,
  type StoreBookingPolicy,
  type StoreCapacityDay,
  type StoreSchedule,
  type TimeSlot,
} from '@dealer-care/domain';
import { TtlCache } from '../../common/cache/ttl-cache.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { rawInstant } from '../../database/raw-instant.js';
import { toStoreSchedule } from '../stores/store-schedule.js';
import { StoreEntity } from '../stores/store.entity.js';
import { TestDriveCarEntity } from '../stores/test-drive-car.entity.js';
import { VehicleModelEntity } from '../vehicle-models/vehicle-model.entity.js';
import { TestDriveBookingEntity } from './entities/test-drive-booking.entity.js';
import { TestDriveCarHoldEntity } from './entities/test-drive-car-hold.entity.js';
import { TestDrivePolicyEntity } from './entities/test-drive-policy.entity.js';

const modelName = (model: VehicleModelEntity | undefined) => (model ? modelDisplayName(model) : '');

/** Only the rules of a policy row or request body, nothing else of it. */
function policyFields(source: BookingPolicy): BookingPolicy {
  return {
    slotMinutes: source.slotMinutes,
    bufferMinutes: source.bufferMinutes,
    minNoticeMinutes: source.minNoticeMinutes,
    horizonDays: source.horizonDays,
    customerCutoffMinutes: source.customerCutoffMinutes,
    maxReschedules: source.maxReschedules,
    maxActivePerCustomer: source.maxActivePerCustomer,
    minDriverAge: source.minDriverAge,
  };
}

export interface StoreBookingContext {
  store: StoreEntity;
  schedule: StoreSchedule;
  policy: BookingPolicy;
}

/** A store-local date from a query: well-formed is not enough, it must exist (no 2026-02-30). */
export function assertIsoDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw new DomainException(ErrorCode.ValidationFailed, '日期不存在或格式不正确', [
      { field, message: '日期不存在或格式不正确' },
    ]);
  }
}

/** Everything availability needs, loaded from the database; the rules themselves are in packages/domain. */
@Injectable()
export class TestDriveScheduleService {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(VehicleModelEntity) private readonly models: Repository<VehicleModelEntity>,
    @InjectRepository(TestDriveCarEntity) private readonly cars: Repository<TestDriveCarEntity>,
    @InjectRepository(TestDriveCarHoldEntity) private readonly holds: Repository<TestDriveCarHoldEntity>,
    @InjectRepository(TestDrivePolicyEntity) private readonly policies: Repository<TestDrivePolicyEntity>,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.contexts = new TtlCache(config.referenceDataCacheMs);
    this.activeModels = new TtlCache(config.referenceDataCacheMs);
    this.carCache = new TtlCache(config.referenceDataCacheMs);
  }

  private readonly contexts: TtlCache<number, StoreBookingContext>;
  private readonly activeModels: TtlCache<number, VehicleModelEntity>;
  /** In-service cars by "storeId:modelId". */
  private readonly carCache: TtlCache<string, TestDriveCarEntity[]>;

  /**
   * A store with its hours, closed dates and booking rules. Read on every slot lookup and booking,
   * changed almost never: kept per process for REFERENCE_DATA_CACHE_MS (a saved policy applies at
   * once here). The car-hold index, not this, decides whether a slot is still free.
   */
  storeContext(storeId: number): Promise<StoreBookingContext> {
    return this.contexts.get(storeId, () => this.loadStoreContext(storeId));
  }

  private async loadStoreContext(storeId: number): Promise<StoreBookingContext> {
    const store = await this.stores.findOne({
      where: { id: storeId },
      relations: { openingPeriods: true, closedDates: true },
    });
    if (!store) throw new DomainException(ErrorCode.NotFound, '门店不存在');
    const policy = (await this.ownPolicy(storeId)) ?? DEFAULT_BOOKING_POLICY;
    const schedule = toStoreSchedule(store);
    return { store, schedule, policy };
  }

  /** A store's effective booking rules: its own row, or the defaults without one. */
  async policyOf(storeId: number): Promise<StoreBookingPolicy> {
    await this.assertStoreExists(storeId);
    const own = await this.ownPolicy(storeId);
    return own ? { ...own, isDefault: false } : { ...DEFAULT_BOOKING_POLICY, isDefault: true };
  }

  /** Sets a store's booking rules (all of them), replacing any earlier ones. */
  async savePolicy(storeId: number, policy: BookingPolicy, now = new Date()): Promise<StoreBookingPolicy> {
    const errors = validateBookingPolicy(policy);
    if (errors.length > 0) {
      throw new DomainException(
        ErrorCode.ValidationFailed,
        `以下信息有误：${errors.map((e) => e.message).join('；')}`,
        errors,
      );
    }
    await this.assertStoreExists(storeId);
    await this.assertGridChangeSafe(storeId, policy, now);
    // One statement (INSERT … ON DUPLICATE KEY UPDATE / ON CONFLICT DO UPDATE): two saves at once
    // cannot both insert.
    await this.policies.upsert({ storeId, ...policyFields(policy) }, ['storeId']);
    this.contexts.delete(storeId);
    return this.policyOf(storeId);
  }

  /**
   * Cars are held per slot start, so a new slot length or gap would put new slots across the
   * bookings still held on the old grid and let one car be booked twice. Refuse the change
   * while the store has bookings that hold a car and have not ended.
   */
  private async assertGridChangeSafe(storeId: number, policy: BookingPolicy, now: Date): Promise<void> {
    const current = (await this.ownPolicy(storeId)) ?? DEFAULT_BOOKING_POLICY;
    if (current.slotMinutes === policy.slotMinutes && current.bufferMinutes === policy.bufferMinutes) return;
    const holding = await this.holds.manager.count(TestDriveBookingEntity, {
      where: { storeId, status: In([...CAR_HOLDING_STATUSES]), endsAt: MoreThan(now) },
    });
    if (holding > 0) {
      throw new DomainException(
        ErrorCode.Conflict,
        `门店还有${holding}个未结束的试驾预约，修改每场时长或间隔会与这些预约错开时段；请在它们结束后再修改（其他规则可以照常修改）`,
      );
    }
  }

  /** The store's own rules, or null when it has set none. */
  private async ownPolicy(storeId: number): Promise<BookingPolicy | null> {
    const row = await this.policies.findOneBy({ storeId });
    return row ? policyFields(row) : null;
  }

  private async assertStoreExists(storeId: number): Promise<void> {
    if (!(await this.stores.existsBy({ id: storeId }))) {
      throw new DomainException(ErrorCode.NotFound, '门店不存在');
    }
  }

  activeModel(modelId: number): Promise<VehicleModelEntity> {
    return this.activeModels.get(modelId, async () => {
      const model = await this.models.findOneBy({ id: modelId, active: true });
      if (!model) throw new DomainException(ErrorCode.NotFound, '车型不存在或已停售');
      return model;
    });
  }

  /**
   * In-service test-drive cars of a model at a store, in a stable order (the order cars are tried in).
   * Inside a transaction (`manager`) always read fresh; otherwise from the per-process cache.
   */
  carsInService(storeId: number, modelId: number, manager?: EntityManager): Promise<TestDriveCarEntity[]> {
    const read = (repository: Repository<TestDriveCarEntity>) =>
      repository.find({ where: { storeId, modelId, inService: true }, order: { id: 'ASC' } });
    if (manager) return read(manager.getRepository(TestDriveCarEntity));
    return this.carCache.get(`${storeId}:${modelId}`, () => read(this.cars));
  }

  async availability(
    storeId: number,
    modelId: number,
    range: { from?: string; days?: number },
    now = new Date(),
  ): Promise<DayAvailability[]> {
    assertIsoDate(range.from, 'from');
    const context = await this.storeContext(storeId);
    await this.activeModel(modelId);
    return this.availabilityIn(context, modelId, range, now);
  }

  async availabilityIn(
    context: StoreBookingContext,
    modelId: number,
    range: { from?: string; days?: number },
    now: Date,
  ): Promise<DayAvailability[]> {
    const cars = await this.carsInService(context.store.id, modelId);
    // Past holds cannot affect bookable slots (they all start after now + notice). Raw rows: only
    // the start is needed, and this runs on every slot lookup.
    const holds = cars.length
      ? await this.holds
          .createQueryBuilder('h')
          .select('h.slot_start', 'slotStart')
          .where('h.car_id IN (:...carIds)', { carIds: cars.map((car) => car.id) })
          .andWhere('h.slot_start >= :now', { now })
          .getRawMany<{ slotStart: Date | string }>()
      : [];
    return computeAvailability({
      store: context.schedule,
      policy: context.policy,
      now,
      carsInService: cars.length,
      holds: holds.map((hold) => ({ startsAt: rawInstant(hold.slotStart).toISOString() })),
      fromDate: range.from,
      days: range.days,
    });
  }

  /** The nearest free slots around a wanted start, for the 409 of a slot that was just taken. */
  async suggestions(
    context: StoreBookingContext,
    modelId: number,
    around: Date,
    now = new Date(),
  ): Promise<TimeSlot[]> {
    const wantedDay = utcToZoned(around, context.schedule.timeZone).date;
    const today = localDateIn(context.schedule.timeZone, now);
    const from = addDays(wantedDay, -2) < today ? today : addDays(wantedDay, -2);
    const days = await this.availabilityIn(context, modelId, { from, days: 5 }, now);
    return nearestFreeSlots(days, around.toISOString(), 3);
  }

  /** Free and held capacity per model and day, for the portal's calendar. */
  async capacity(
    storeId: number,
    range: { from?: string; days?: number },
    now = new Date(),
  ): Promise<StoreCapacityDay[]> {
    assertIsoDate(range.from, 'from');
    const context = await this.storeContext(storeId);
    const cars = await this.cars.find({ where: { storeId, inService: true }, relations: { model: true } });
    const modelIds = [...new Set(cars.map((car) => car.modelId))].sort((a, b) => a - b);
    const perModel = await Promise.all(
      modelIds.map(async (modelId) => ({
        modelId,
        modelName: modelName(cars.find((car) => car.modelId === modelId)?.model),
        days: await this.availabilityIn(context, modelId, range, now),
      })),
    );
    const dates = perModel[0]?.days ?? (await this.availabilityIn(context, -1, range, now));
    return dates.map((day, index) => ({
      date: day.date,
      open: day.open,
      models: perModel.map(({ modelId, modelName, days }) => {
        const slots = days[index]?.slots ?? [];
        return {
          modelId,
          modelName,
          capacity: slots.reduce((sum, slot) => sum + slot.capacity, 0),
          held: slots.reduce((sum, slot) => sum + Math.min(slot.held, slot.capacity), 0),
          remaining: slots.reduce((sum, slot) => sum + slot.remaining, 0),
        };
      }),
    }));
  }
}
