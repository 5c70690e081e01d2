import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  ErrorCode,
  sortByDistance,
  storeScopeOf,
  type GeoPoint,
  type Store,
  type StoreListItem,
  type StoreOverview,
} from '@dealer-care/domain';
import { DomainException } from '../../common/problem/domain.exception.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { assertStoreInScope } from '../../common/auth/store-scope.js';
import { StoreEntity } from './store.entity.js';
import { TestDriveCarEntity } from './test-drive-car.entity.js';
import { toStoreOverview, toStoreResponse } from './store.mapper.js';

const STORE_RELATIONS = { openingPeriods: true, closedDates: true } as const;

@Injectable()
export class StoresService {
  constructor(
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @InjectRepository(TestDriveCarEntity) private readonly cars: Repository<TestDriveCarEntity>,
  ) {}

  /** Every store, nearest first when the customer's location is known. */
  async list(near?: GeoPoint): Promise<StoreListItem[]> {
    const stores = await this.stores.find({ relations: STORE_RELATIONS, order: { id: 'ASC' } });
    return sortByDistance(
      stores.map((store) => toStoreResponse(store)),
      near,
    );
  }

  async get(id: number): Promise<Store> {
    return toStoreResponse(await this.findOrFail(id));
  }

  /** Stores in the caller's scope with their test-drive cars. */
  async overviews(staff: StaffPrincipal): Promise<StoreOverview[]> {
    const scope = storeScopeOf(staff);
    if (scope !== 'all' && scope.length === 0) return [];
    const stores = await this.stores.find({
      where: scope === 'all' ? {} : { id: In(scope) },
      relations: STORE_RELATIONS,
      order: { id: 'ASC' },
    });
    const cars = await this.cars.find({
      where: { storeId: In(stores.map((store) => store.id)) },
      relations: { model: true },
      order: { plate: 'ASC' },
    });
    return stores.map((store) =>
      toStoreOverview(
        store,
        cars.filter((car) => car.storeId === store.id),
      ),
    );
  }

  async overview(staff: StaffPrincipal, id: number): Promise<StoreOverview> {
    assertStoreInScope(staff, id);
    const store = await this.findOrFail(id);
    const cars = await this.cars.find({
      where: { storeId: id },
      relations: { model: true },
      order: { plate: 'ASC' },
    });
    return toStoreOverview(store, cars);
  }

  private async findOrFail(id: number): Promise<StoreEntity> {
    const store = await this.stores.findOne({ where: { id }, relations: STORE_RELATIONS });
    if (!store) throw new DomainException(ErrorCode.NotFound, '门店不存在');
    return store;
  }
}
