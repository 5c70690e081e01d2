import type { StoreSchedule } from '@dealer-care/domain';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  checkOffer,
  disabledTimeOn,
  formFieldErrors,
  isOfferableDate,
  offerFieldPath,
  openHalfHours,
  toDelayRequest,
  toOfferRequest,
} from './offer-form';

const store: StoreSchedule = {
  timeZone: 'Asia/Shanghai',
  // Monday to Saturday 09:00–18:00 with a lunch break on Saturday; closed on Sunday.
  openingHours: [
    ...([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, opens: '09:00', closes: '18:00' })),
    { weekday: 6, opens: '09:15', closes: '12:00' },
    { weekday: 6, opens: '13:00', closes: '17:00' },
  ],
  closedDates: ['2026-11-27'],
};

const row = (date: string, time: string) => ({ date: dayjs(date), time: dayjs(`2026-01-01 ${time}`) });

describe('toOfferRequest', () => {
  it('turns the rows into store-local dates and times, in order', () => {
    expect(toOfferRequest({ options: [row('2026-11-26', '10:00'), row('2026-11-25', '14:30')] })).toEqual({
      options: [
        { date: '2026-11-26', time: '10:00' },
        { date: '2026-11-25', time: '14:30' },
      ],
    });
  });

  it('sends a note only when there is one, trimmed', () => {
    expect(toOfferRequest({ options: [row('2026-11-26', '10:00')], note: '  交车约需1小时 ' }).note).toBe(
      '交车约需1小时',
    );
    expect(toOfferRequest({ options: [row('2026-11-26', '10:00')], note: '   ' })).not.toHaveProperty('note');
  });

  it('keeps an incomplete row as an empty value, so errors land on the right row', () => {
    expect(toOfferRequest({ options: [{ date: dayjs('2026-11-26'), time: null }] }).options).toEqual([
      { date: '2026-11-26', time: '' },
    ]);
  });

  it('adds the delay reason', () => {
    expect(toDelayRequest({ options: [row('2026-11-30', '10:00')], reason: ' 物流延误 ' })).toEqual({
      options: [{ date: '2026-11-30', time: '10:00' }],
      reason: '物流延误',
    });
  });
});

describe('checkOffer', () => {
  const now = new Date('2026-11-24T02:00:00.000Z'); // Tuesday 10:00 in Shanghai

  it('accepts open times far enough ahead', () => {
    expect(checkOffer([row('2026-11-25', '10:00'), row('2026-11-28', '13:30')], store, now)).toEqual([]);
  });

  it('names the row of a closed day and of a time too soon', () => {
    const errors = checkOffer(
      [row('2026-11-27', '10:00'), row('2026-11-24', '11:00'), row('2026-11-25', '10:00')],
      store,
      now,
    );
    expect(errors.map((e) => e.field)).toEqual(['options.0', 'options.1']);
  });

  it('refuses a repeated time and more than three', () => {
    expect(checkOffer([row('2026-11-25', '10:00'), row('2026-11-25', '10:00')], store, now)).toEqual([
      { field: 'options.1', message: '交车时间不能重复' },
    ]);
    const four = Array.from({ length: 4 }, (_, i) => row('2026-11-25', `1${i}:00`));
    expect(checkOffer(four, store, now).map((e) => e.field)).toEqual(['options']);
  });
});

describe('field paths', () => {
  it('put errors on the row’s date or time', () => {
    expect(offerFieldPath('options')).toBe('options');
    expect(offerFieldPath('options.2')).toEqual(['options', 2, 'date']);
    expect(offerFieldPath('options.0.date')).toEqual(['options', 0, 'date']);
    expect(offerFieldPath('options.1.time')).toEqual(['options', 1, 'time']);
    expect(offerFieldPath('note')).toBe('note');
    expect(offerFieldPath('reason')).toBe('reason');
    expect(offerFieldPath('options.x')).toBeNull();
    expect(offerFieldPath('storeId')).toBeNull();
  });

  it('group messages per field and drop unknown fields', () => {
    expect(
      formFieldErrors(
        [
          { field: 'options.0', message: '门店不营业' },
          { field: 'options.0.date', message: '日期格式应为 YYYY-MM-DD' },
          { field: 'options.0', message: '门店不营业' },
          { field: 'reason', message: '请填写原因' },
          { field: 'whatever', message: 'x' },
        ],
        offerFieldPath,
      ),
    ).toEqual([
      { name: ['options', 0, 'date'], errors: ['门店不营业', '日期格式应为 YYYY-MM-DD'] },
      { name: 'reason', errors: ['请填写原因'] },
    ]);
  });
});

describe('open times', () => {
  it('step by half an hour within the opening hours, ending before closing', () => {
    const monday = openHalfHours(store, '2026-11-23');
    expect(monday[0]).toBe('09:00');
    expect(monday.at(-1)).toBe('17:30');
    expect(monday).toHaveLength(18);
  });

  it('start at the next half hour and skip breaks', () => {
    expect(openHalfHours(store, '2026-11-28')).toEqual([
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
  });

  it('are none on a closed weekday or holiday', () => {
    expect(openHalfHours(store, '2026-11-29')).toEqual([]);
    expect(openHalfHours(store, '2026-11-27')).toEqual([]);
  });

  it('grey out the other hours and minutes in the time picker', () => {
    const disabled = disabledTimeOn(['09:30', '10:00', '13:00']);
    expect(disabled.disabledHours()).not.toContain(9);
    expect(disabled.disabledHours()).toContain(12);
    expect(disabled.disabledHours()).toHaveLength(21);
    expect(disabled.disabledMinutes(9)).toEqual([0]);
    expect(disabled.disabledMinutes(10)).toEqual([30]);
    expect(disabled.disabledMinutes(12)).toEqual([0, 30]);
  });
});

describe('isOfferableDate', () => {
  it('allows open days from today up to 120 days ahead', () => {
    expect(isOfferableDate(store, '2026-11-24', '2026-11-24')).toBe(true);
    expect(isOfferableDate(store, '2026-11-23', '2026-11-24')).toBe(false);
    expect(isOfferableDate(store, '2026-11-27', '2026-11-24')).toBe(false);
    expect(isOfferableDate(store, '2026-11-29', '2026-11-24')).toBe(false);
    expect(isOfferableDate(store, '2027-03-24', '2026-11-24')).toBe(true); // 120 days
    expect(isOfferableDate(store, '2027-03-25', '2026-11-24')).toBe(false);
  });
});
