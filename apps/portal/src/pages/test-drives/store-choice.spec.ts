import { describe, expect, it } from 'vitest';
import { pickStore } from './store-choice';

const stores = [{ id: 1 }, { id: 2 }, { id: 3 }];

describe('pickStore', () => {
  it('uses the staff member’s own store', () => {
    expect(pickStore(stores, { storeId: 2 }, 3)).toEqual({ id: 2 });
  });

  it('lets a group admin keep the store picked last, else the first', () => {
    expect(pickStore(stores, { storeId: null }, 3)).toEqual({ id: 3 });
    expect(pickStore(stores, { storeId: null }, 9)).toEqual({ id: 1 });
    expect(pickStore(stores, { storeId: null }, null)).toEqual({ id: 1 });
  });

  it('has nothing while stores are loading or none are in reach', () => {
    expect(pickStore(undefined, { storeId: 1 }, null)).toBeUndefined();
    expect(pickStore([], { storeId: null }, 1)).toBeUndefined();
  });
});
