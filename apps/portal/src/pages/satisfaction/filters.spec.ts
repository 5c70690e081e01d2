import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIND,
  filtersFromParams,
  filtersToParams,
  idParam,
  lastDays,
  rangeDays,
  responseFiltersFromParams,
  satisfactionTimeZone,
  tabFromParam,
  toResponsesQuery,
  toSatisfactionQuery,
} from './filters';

const TODAY = '2025-11-20';
const params = (query: string) => new URLSearchParams(query);

describe('lastDays', () => {
  it('counts today in: the last 90 days start 89 days back', () => {
    expect(lastDays(TODAY, 90)).toEqual({ from: '2025-08-23', to: TODAY });
    expect(rangeDays('2025-08-23', TODAY)).toBe(90);
    expect(lastDays(TODAY, 1)).toEqual({ from: TODAY, to: TODAY });
  });

  it('crosses month and year ends', () => {
    expect(lastDays('2026-01-05', 10)).toEqual({ from: '2025-12-27', to: '2026-01-05' });
  });
});

describe('filtersFromParams', () => {
  it('defaults to the first survey kind and the last 90 days, every store', () => {
    expect(filtersFromParams(params(''), TODAY, 'admin')).toEqual({
      kind: DEFAULT_KIND,
      from: '2025-08-23',
      to: TODAY,
      storeId: null,
    });
  });

  it('reads kind, period and store from the query string', () => {
    expect(
      filtersFromParams(params('kind=sales_csi&from=2025-10-01&to=2025-10-31&store=3'), TODAY, 'admin'),
    ).toEqual({ kind: 'sales_csi', from: '2025-10-01', to: '2025-10-31', storeId: 3 });
  });

  it('ignores an unknown kind, a malformed or reversed period and a bad store id', () => {
    const f = filtersFromParams(params('kind=nope&from=2025-02-30&to=2025-10-31&store=-1'), TODAY, 'admin');
    expect(f).toEqual({ kind: DEFAULT_KIND, from: '2025-08-23', to: TODAY, storeId: null });
    expect(filtersFromParams(params('from=2025-10-31&to=2025-10-01'), TODAY, 'admin').from).toBe(
      '2025-08-23',
    );
    expect(filtersFromParams(params('store=abc'), TODAY, 'admin').storeId).toBeNull();
  });

  it('lets only admins narrow to a store; the API limits the others to theirs anyway', () => {
    expect(filtersFromParams(params('store=3'), TODAY, 'manager').storeId).toBeNull();
    expect(filtersFromParams(params('store=3'), TODAY, 'consultant').storeId).toBeNull();
  });
});

describe('filtersToParams', () => {
  it('leaves defaults out of the URL and round-trips the rest', () => {
    expect(filtersToParams({ kind: DEFAULT_KIND, ...lastDays(TODAY, 90), storeId: null }, TODAY)).toEqual({
      kind: null,
      from: null,
      to: null,
      store: null,
    });
    const chosen = { kind: 'service_ssi' as const, from: '2025-09-01', to: '2025-09-30', storeId: 2 };
    const changes = filtersToParams(chosen, TODAY);
    const url = new URLSearchParams(
      Object.entries(changes).filter((e): e is [string, string] => e[1] !== null),
    );
    expect(filtersFromParams(url, TODAY, 'admin')).toEqual(chosen);
  });
});

describe('queries', () => {
  it('sends the store only when one is picked', () => {
    expect(toSatisfactionQuery({ kind: 'sales_csi', from: 'a', to: 'b', storeId: null })).toEqual({
      kind: 'sales_csi',
      from: 'a',
      to: 'b',
    });
    expect(toSatisfactionQuery({ kind: 'sales_csi', from: 'a', to: 'b', storeId: 4 }).storeId).toBe(4);
  });

  it('builds the response page query from the list filters', () => {
    const filters = { kind: 'sales_csi' as const, from: '2025-10-01', to: '2025-10-31', storeId: null };
    expect(toResponsesQuery(filters, responseFiltersFromParams(params('')))).toEqual({
      kind: 'sales_csi',
      from: '2025-10-01',
      to: '2025-10-31',
      page: 1,
      pageSize: 20,
    });
    expect(
      toResponsesQuery(filters, responseFiltersFromParams(params('low=1&consultant=12&page=3'))),
    ).toMatchObject({
      lowOnly: true,
      consultantId: 12,
      page: 3,
    });
  });
});

describe('tabFromParam', () => {
  it('opens a tab the role may see, else the dashboard', () => {
    expect(tabFromParam('cases', 'consultant')).toBe('cases');
    expect(tabFromParam('audits', 'manager')).toBe('audits');
    expect(tabFromParam('audits', 'consultant')).toBe('dashboard');
    expect(tabFromParam('nonsense', 'admin')).toBe('dashboard');
    expect(tabFromParam(null, 'admin')).toBe('dashboard');
  });
});

describe('idParam / satisfactionTimeZone', () => {
  it('accepts positive whole numbers only', () => {
    expect(idParam('12')).toBe(12);
    expect(idParam('0')).toBeNull();
    expect(idParam('1.5')).toBeNull();
    expect(idParam(null)).toBeNull();
  });

  it('reads dates in the picked store, else the first in scope, else Asia/Shanghai', () => {
    const stores = [
      { id: 1, timeZone: 'Asia/Shanghai' },
      { id: 2, timeZone: 'Asia/Urumqi' },
    ];
    expect(satisfactionTimeZone(2, stores)).toBe('Asia/Urumqi');
    expect(satisfactionTimeZone(null, stores)).toBe('Asia/Shanghai');
    expect(satisfactionTimeZone(9, [])).toBe('Asia/Shanghai');
  });
});
