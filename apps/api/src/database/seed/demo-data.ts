import type { BodyType, EnergyType, IsoWeekday, StaffRole } from '@dealer-care/domain';

/** Demo data for a fresh database: a small dealer group of the fictional brand 云岚汽车 in two cities. */

export const DEMO_PASSWORD = 'Demo@2026';

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export interface DemoStore {
  code: string;
  name: string;
  city: string;
  address: string;
  phone: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  hours: Array<{ weekday: IsoWeekday; opens: string; closes: string }>;
  closedDates: Array<{ date: string; reason: string }>;
}

export const DEMO_STORES: DemoStore[] = [
  {
    code: 'GZ-TH',
    name: '云岚汽车广州天河4S店',
    city: '广州',
    address: '广州市天河区黄埔大道西 638 号',
    phone: '020-38881234',
    latitude: 23.1291,
    longitude: 113.3447,
    timeZone: 'Asia/Shanghai',
    hours: WEEKDAYS.map((weekday) =>
      weekday >= 6
        ? { weekday, opens: '09:00', closes: '18:30' }
        : { weekday, opens: '08:30', closes: '18:00' },
    ),
    closedDates: [
      { date: '2027-02-06', reason: '春节' },
      { date: '2027-02-07', reason: '春节' },
    ],
  },
  {
    code: 'SZ-NS',
    name: '云岚汽车深圳南山4S店',
    city: '深圳',
    address: '深圳市南山区深南大道 9668 号',
    phone: '0755-86661234',
    latitude: 22.5405,
    longitude: 113.9345,
    timeZone: 'Asia/Shanghai',
    // Closed on Mondays, as many showrooms are after a busy weekend.
    hours: WEEKDAYS.filter((weekday) => weekday !== 1).map((weekday) => ({
      weekday,
      opens: '09:00',
      closes: '19:00',
    })),
    closedDates: [{ date: '2027-02-06', reason: '春节' }],
  },
];

export interface DemoModel {
  code: string;
  name: string;
  bodyType: BodyType;
  energyType: EnergyType;
  seats: number;
  priceFromFen: number;
}

export const DEMO_BRAND = '云岚';

export const DEMO_MODELS: DemoModel[] = [
  { code: 'YL-S5', name: 'S5', bodyType: 'sedan', energyType: 'petrol', seats: 5, priceFromFen: 12_980_000 },
  {
    code: 'YL-S7',
    name: 'S7 混动版',
    bodyType: 'sedan',
    energyType: 'hybrid',
    seats: 5,
    priceFromFen: 18_980_000,
  },
  { code: 'YL-X3', name: 'X3', bodyType: 'suv', energyType: 'petrol', seats: 5, priceFromFen: 13_580_000 },
  { code: 'YL-X5', name: 'X5 插混', bodyType: 'suv', energyType: 'phev', seats: 5, priceFromFen: 19_880_000 },
  { code: 'YL-X7', name: 'X7', bodyType: 'suv', energyType: 'hybrid', seats: 7, priceFromFen: 25_980_000 },
  {
    code: 'YL-E3',
    name: 'E3 纯电',
    bodyType: 'hatchback',
    energyType: 'bev',
    seats: 5,
    priceFromFen: 10_980_000,
  },
  { code: 'YL-E6', name: 'E6 纯电', bodyType: 'suv', energyType: 'bev', seats: 5, priceFromFen: 17_580_000 },
  { code: 'YL-M8', name: 'M8 商务', bodyType: 'mpv', energyType: 'phev', seats: 7, priceFromFen: 28_880_000 },
];

/** Test-drive cars: [store code, model code, plate, in service]. */
export const DEMO_CARS: Array<[string, string, string, boolean]> = [
  ['GZ-TH', 'YL-S5', '粤A·S5001', true],
  ['GZ-TH', 'YL-S5', '粤A·S5002', true],
  ['GZ-TH', 'YL-S7', '粤A·S7001', true],
  ['GZ-TH', 'YL-X3', '粤A·X3001', true],
  ['GZ-TH', 'YL-X5', '粤A·D05001', true],
  ['GZ-TH', 'YL-X7', '粤A·X7001', false],
  ['GZ-TH', 'YL-E6', '粤A·D06001', true],
  ['SZ-NS', 'YL-S5', '粤B·S5001', true],
  ['SZ-NS', 'YL-X3', '粤B·X3001', true],
  ['SZ-NS', 'YL-X5', '粤B·D05001', true],
  ['SZ-NS', 'YL-E3', '粤B·D03001', true],
  ['SZ-NS', 'YL-E6', '粤B·D06001', true],
  ['SZ-NS', 'YL-M8', '粤B·D08001', false],
];

export interface DemoStaff {
  username: string;
  displayName: string;
  role: StaffRole;
  storeCode: string | null;
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'admin', displayName: '集团管理员', role: 'admin', storeCode: null },
  { username: 'gz.manager', displayName: '李经理', role: 'manager', storeCode: 'GZ-TH' },
  { username: 'gz.chen', displayName: '陈晓明', role: 'consultant', storeCode: 'GZ-TH' },
  { username: 'gz.wang', displayName: '王丽', role: 'consultant', storeCode: 'GZ-TH' },
  { username: 'sz.manager', displayName: '张经理', role: 'manager', storeCode: 'SZ-NS' },
  { username: 'sz.liu', displayName: '刘洋', role: 'consultant', storeCode: 'SZ-NS' },
  { username: 'sz.zhao', displayName: '赵敏', role: 'consultant', storeCode: 'SZ-NS' },
];
