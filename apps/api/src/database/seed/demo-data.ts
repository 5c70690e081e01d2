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

/** Where a demo order stands, so a newcomer can click through every delivery state. */
export type DemoOrderState =
  | 'new'
  | 'offered'
  | 'other_dates_requested'
  | 'delayed'
  | 'confirmed_t3'
  | 'confirmed_t1'
  | 'ready'
  | 'delivered'
  | 'cancelled';

export interface DemoOrder {
  storeCode: string;
  consultant: string;
  customerName: string;
  /** Log in on H5 with this phone (development login) to see the order as the customer. */
  mobile: string;
  modelCode: string;
  trim: string;
  colour: string;
  /** VIN without its check digit (position 9 is filled in); null when not yet allocated. */
  vinStem: string | null;
  state: DemoOrderState;
}

export const DEMO_ORDERS: DemoOrder[] = [
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.chen',
    customerName: '周杰',
    mobile: '13800138001',
    modelCode: 'YL-X5',
    trim: '四驱旗舰版',
    colour: '星河蓝',
    vinStem: 'LYLXA2C5?T1000101',
    state: 'offered',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.chen',
    customerName: '周杰',
    mobile: '13800138001',
    modelCode: 'YL-E3',
    trim: '长续航版',
    colour: '珍珠白',
    vinStem: 'LYLEA1E3?S1000057',
    state: 'delivered',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.chen',
    customerName: '林晓',
    mobile: '13800138002',
    modelCode: 'YL-S7',
    trim: '豪华版',
    colour: '曜石黑',
    vinStem: 'LYLSA2S7?T1000233',
    state: 'delayed',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.wang',
    customerName: '黄磊',
    mobile: '13800138003',
    modelCode: 'YL-X3',
    trim: '两驱舒适版',
    colour: '极光银',
    vinStem: 'LYLXA1X3?T1000412',
    state: 'confirmed_t3',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.wang',
    customerName: '吴敏',
    mobile: '13800138004',
    modelCode: 'YL-S5',
    trim: '智享版',
    colour: '珍珠白',
    vinStem: 'LYLSA1S5?T1000578',
    state: 'confirmed_t1',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.chen',
    customerName: '郑伟',
    mobile: '13800138005',
    modelCode: 'YL-E6',
    trim: '性能版',
    colour: '赤焰红',
    vinStem: 'LYLEA2E6?T1000690',
    state: 'ready',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.wang',
    customerName: '何静',
    mobile: '13800138006',
    modelCode: 'YL-X7',
    trim: '七座尊享版',
    colour: '曜石黑',
    vinStem: null,
    state: 'new',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.chen',
    customerName: '冯涛',
    mobile: '13800138007',
    modelCode: 'YL-S5',
    trim: '标准版',
    colour: '极光银',
    vinStem: null,
    state: 'other_dates_requested',
  },
  {
    storeCode: 'GZ-TH',
    consultant: 'gz.wang',
    customerName: '蒋丽',
    mobile: '13800138008',
    modelCode: 'YL-X5',
    trim: '两驱豪华版',
    colour: '星河蓝',
    vinStem: null,
    state: 'cancelled',
  },
  {
    storeCode: 'SZ-NS',
    consultant: 'sz.liu',
    customerName: '韩梅',
    mobile: '13800138009',
    modelCode: 'YL-M8',
    trim: '行政版',
    colour: '曜石黑',
    vinStem: 'LYLMA3M8?T1000811',
    state: 'offered',
  },
];
