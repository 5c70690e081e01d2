import type { EntityManager, ObjectLiteral } from 'typeorm';
import {
  addDays,
  generateBookingReference,
  localDateIn,
  messageFallbackDueAt,
  nextStoreOpening,
  storeDayHours,
  storeOpenDayFrom,
  tasksForEvent,
  zonedToUtc,
  type BookingAction,
  type BookingStatus,
  type ContactChannel,
  type CustomerStyle,
  type FollowUpEvent,
  type FollowUpOutcome,
  type FollowUpSourceType,
  type FollowUpStoreHours,
  type FollowUpTask,
  type FollowUpTaskKind,
  type IntentLevel,
  type LostReasonCategory,
  type NotificationKind,
  type ProspectStatus,
} from '@dealer-care/domain';
import { NO_GRANT_ERROR } from '../../modules/notifications/send-outcome.js';
import { CustomerEntity } from '../../modules/customers/customer.entity.js';
import { DeliveryConfirmationEntity } from '../../modules/deliveries/entities/delivery-confirmation.entity.js';
import { DeliveryEventEntity } from '../../modules/deliveries/entities/delivery-event.entity.js';
import { SalesOrderEntity } from '../../modules/deliveries/entities/sales-order.entity.js';
import { FollowUpTaskEntity } from '../../modules/follow-ups/entities/follow-up-task.entity.js';
import { NotificationOutboxEntity } from '../../modules/notifications/notification-outbox.entity.js';
import { ContactLogEntity } from '../../modules/prospects/entities/contact-log.entity.js';
import { IntentChangeEntity } from '../../modules/prospects/entities/intent-change.entity.js';
import { ProspectEntity } from '../../modules/prospects/entities/prospect.entity.js';
import { TestDriveCarEntity } from '../../modules/stores/test-drive-car.entity.js';
import { TestDriveBookingEventEntity } from '../../modules/test-drives/entities/test-drive-booking-event.entity.js';
import { TestDriveBookingEntity } from '../../modules/test-drives/entities/test-drive-booking.entity.js';
import { DEMO_BRAND, DEMO_MODELS, DEMO_STAFF, DEMO_STORES } from './demo-data.js';
import type { DemoIds } from './seed-demo-orders.js';
import { mulberry32 } from './seeded-random.js';

/**
 * The follow-up side of the demo: for every demo consultant a working inbox (回访任务) and the
 * customer cards behind it, dated around `now` so the demo always looks current.
 *
 * - Test drives completed over the last days (the customers are WeChat customers with bookings),
 *   walk-ins (来店) and callers (来电), each with contact logs, intent history and a social style.
 * - Tasks planned by the domain's `tasksForEvent` from each event's time, then worked as a
 *   consultant would have by now: done on time, done late, still pending (overdue ones escalated,
 *   as the escalation job does), one complaint escalated to the manager, a lost prospect with the
 *   manager's callback, and a phone call replacing a store message the customer never subscribed to
 *   (a refused `notification_outbox` row with its `message_fallback_call`).
 * - Prospects for the buyers of the demo orders (won, or lost when the order was cancelled), with
 *   the T-3 / T-1 confirmation calls and the after-delivery calls of their orders.
 *
 * Every consultant's inbox has at least one overdue, one today and one upcoming task whatever the
 * hour of the seed: a "today" task the store can no longer reach before closing is an evening
 * callback time agreed with the customer instead. Rows are written with ids assigned here in a few
 * multi-row INSERTs (fast on SQLite); nothing is written when the demo stores already have prospects.
 *
 * The WeChat customers use openids `dev:demo-…`: the development login with that account name
 * (e.g. `demo-gz-chen-1`) opens the mini-program as that customer. Phones 1392011xxxx (广州) and
 * 1392075xxxx (深圳) never meet the orders' 1380013800x or the test suites' numbers.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CONSENT_VERSION = '2026-11-v1';

// ---------------------------------------------------------------------------------------------
// The people of each consultant's inbox

interface TestDriveStory {
  name: string;
  model: string;
  style: CustomerStyle;
  styleNote: string;
  visitNote: string;
  /** Result of the next-day call, when it was made. */
  callNote: string;
  intentBefore: IntentLevel;
  intentAfter: IntentLevel;
}

interface WalkInStory {
  name: string;
  channel: Extract<ContactChannel, 'visit' | 'inbound_call'>;
  style: CustomerStyle;
  styleNote: string;
  notes: [string, string, string];
  intents: [IntentLevel, IntentLevel, IntentLevel];
}

interface LostStory {
  name: string;
  style: CustomerStyle;
  visitNote: string;
  category: LostReasonCategory;
  lostNote: string;
}

interface FallbackStory {
  name: string;
  model: string;
  action: Extract<BookingAction, 'cancel_by_store' | 'reject'>;
  reason: string;
}

interface ConsultantStories {
  /** Completed the day before the last open day, called on time (then the 72 h callback waits). */
  calledOnTime: TestDriveStory;
  /** Completed on the last open day: the next-day call is due today. */
  callToday: TestDriveStory;
  /** Completed five open days ago: called a day late, the 72 h callback now overdue. */
  calledLate: TestDriveStory;
  /** Level kept warm by regular calls: the next follow-up is a few days out. */
  warm: WalkInStory;
  /** An H-level caller whose follow-up slipped: overdue. */
  slipped: WalkInStory;
  lost: LostStory;
  fallback: FallbackStory;
  /** Whose next-day call ended in a complaint (one consultant per store). */
  complaint?: { name: string; model: string; visitNote: string; note: string };
}

const STORIES: Record<string, ConsultantStories> = {
  'gz.chen': {
    calledOnTime: {
      name: '孙浩然',
      model: 'YL-X5',
      style: 'analytical',
      styleNote: '关注油耗、电池质保和保值率，喜欢看参数对比表',
      visitNote: '试驾X5插混，重点体验了纯电模式和高速超车，问了家充桩安装',
      callNote: '已接通，客户对纯电续航满意，计划周末带爱人再来看一次内饰颜色',
      intentBefore: 'B',
      intentAfter: 'A',
    },
    callToday: {
      name: '马俊',
      model: 'YL-S7',
      style: 'driver',
      styleNote: '时间观念强，说话直接，只想听结论和最终价格',
      visitNote: '试驾S7混动，对加速和隔音评价很高，关心置换补贴',
      callNote: '',
      intentBefore: 'A',
      intentAfter: 'A',
    },
    calledLate: {
      name: '梁思雨',
      model: 'YL-E6',
      style: 'expressive',
      styleNote: '喜欢新潮配置，拍了很多视频发朋友圈',
      visitNote: '试驾E6纯电，很喜欢赤焰红和氛围灯，担心冬季续航',
      callNote: '晚一天才联系上，客户说还在比较两款纯电SUV，下周再定',
      intentBefore: 'B',
      intentAfter: 'B',
    },
    warm: {
      name: '邓佳怡',
      channel: 'visit',
      style: 'amiable',
      styleNote: '全家一起决策，先生和婆婆的意见很重要',
      notes: [
        '带孩子来店看X7七座，关心第三排空间和儿童座椅接口',
        '电话回访，客户说婆婆觉得七座车太大，想再看看X5',
        '再次来店，一家人试坐了X5和X7，倾向X7，等年底奖金',
      ],
      intents: ['C', 'B', 'B'],
    },
    slipped: {
      name: '罗志强',
      channel: 'inbound_call',
      style: 'driver',
      styleNote: '小企业老板，要求报价一次到位',
      notes: [
        '来电询问M8商务的公司户购车政策和开票',
        '回电说明公司户政策，客户要求发三年保养方案',
        '客户来电说月底前要定，请尽快给最终报价',
      ],
      intents: ['B', 'A', 'H'],
    },
    lost: {
      name: '许文博',
      style: 'analytical',
      visitNote: '来店看S5，对比了两家合资品牌的同级车型，索要了详细报价',
      category: 'competitor',
      lostNote: '已在其他品牌4S店订车，对方现车且赠送三年保养',
    },
    fallback: {
      name: '曾雅琪',
      model: 'YL-X7',
      action: 'cancel_by_store',
      reason: 'X7试驾车临时送修，门店取消本次试驾，顾问会与您另约时间',
    },
  },
  'gz.wang': {
    calledOnTime: {
      name: '杨慧',
      model: 'YL-X3',
      style: 'amiable',
      styleNote: '第一次买车，比较谨慎，喜欢有人耐心讲解',
      visitNote: '试驾X3，由先生陪同，关心倒车影像和新手驾驶辅助',
      callNote: '已接通，客户对X3很满意，正在和家人商量首付比例',
      intentBefore: 'B',
      intentAfter: 'A',
    },
    callToday: {
      name: '谢明辉',
      model: 'YL-X5',
      style: 'analytical',
      styleNote: '工程师，问题很细，会自己查资料核对',
      visitNote: '试驾X5插混，详细询问了电池衰减和三电质保条款',
      callNote: '',
      intentBefore: 'B',
      intentAfter: 'B',
    },
    calledLate: {
      name: '唐晓燕',
      model: 'YL-S5',
      style: 'expressive',
      styleNote: '爱聊天，对颜色和内饰搭配很在意',
      visitNote: '试驾S5，喜欢珍珠白，想要更多颜色选装',
      callNote: '第二天上午才回访，客户说在等朋友一起来看车',
      intentBefore: 'C',
      intentAfter: 'B',
    },
    warm: {
      name: '钟伟杰',
      channel: 'inbound_call',
      style: 'driver',
      styleNote: '开网约车，算账很清楚，关心每公里成本',
      notes: [
        '来电咨询E3纯电的运营车政策和充电优惠',
        '回电发送了运营版配置表，客户说要算一下成本',
        '客户来店看车，确认运营版配置，在等平台准入通知',
      ],
      intents: ['C', 'B', 'A'],
    },
    slipped: {
      name: '潘丽娟',
      channel: 'visit',
      style: 'amiable',
      styleNote: '退休教师，喜欢面对面沟通，不太用微信',
      notes: [
        '和女儿来店看S5，想买给女儿上下班用',
        '电话沟通贷款方案，客户更倾向全款',
        '女儿定了下周三来签合同，请提前准备好现车',
      ],
      intents: ['B', 'A', 'H'],
    },
    lost: {
      name: '程斌',
      style: 'driver',
      visitNote: '来店看X5插混，对落地价很敏感，要求再降五千',
      category: 'price',
      lostNote: '客户觉得优惠力度不够，决定再等等年底活动',
    },
    fallback: {
      name: '卢子涵',
      model: 'YL-S7',
      action: 'reject',
      reason: '该时段S7试驾车已有安排，请改约其他时间',
    },
    complaint: {
      name: '袁凯',
      model: 'YL-X3',
      visitNote: '试驾X3，等候试驾车约四十分钟',
      note: '客户投诉到店后等候四十分钟才试驾，且无人解释原因，要求店长回电',
    },
  },
  'sz.liu': {
    calledOnTime: {
      name: '方宇航',
      model: 'YL-E6',
      style: 'expressive',
      styleNote: '科技爱好者，关注车机和智能驾驶',
      visitNote: '试驾E6纯电，体验了高速领航和语音助手，很兴奋',
      callNote: '已接通，客户想等新版车机推送后再下订，意向明确',
      intentBefore: 'A',
      intentAfter: 'A',
    },
    callToday: {
      name: '蔡静怡',
      model: 'YL-E3',
      style: 'amiable',
      styleNote: '上下班代步，在意停车方便和保险费用',
      visitNote: '试驾E3纯电，觉得小巧好停，问了保险报价',
      callNote: '',
      intentBefore: 'B',
      intentAfter: 'B',
    },
    calledLate: {
      name: '邱国华',
      model: 'YL-M8',
      style: 'driver',
      styleNote: '公司采购负责人，决策快但要走审批',
      visitNote: '试驾M8商务，关注第二排座椅和公司采购流程',
      callNote: '晚了一天才回访，客户说公司审批已提交，下周出结果',
      intentBefore: 'B',
      intentAfter: 'A',
    },
    warm: {
      name: '叶嘉欣',
      channel: 'visit',
      style: 'analytical',
      styleNote: '做了很多功课，带着对比表格来店',
      notes: [
        '来店对比X5插混和E6纯电，询问家用充电桩安装条件',
        '电话确认小区可装充电桩，客户倾向E6',
        '再次来店看了E6的内饰颜色，等物业出安装证明',
      ],
      intents: ['C', 'B', 'B'],
    },
    slipped: {
      name: '黎志明',
      channel: 'inbound_call',
      style: 'driver',
      styleNote: '换车急，旧车已经卖掉',
      notes: [
        '来电说旧车已出售，想两周内提X3',
        '确认有现车，发送了报价单',
        '客户说这周末来店签合同，要求确认现车颜色',
      ],
      intents: ['A', 'H', 'H'],
    },
    lost: {
      name: '温晓峰',
      style: 'expressive',
      visitNote: '来店看E3纯电，很喜欢外观，但担心贷款审批',
      category: 'financing',
      lostNote: '贷款审批未通过，客户暂时不买车了',
    },
    fallback: {
      name: '陆思琪',
      model: 'YL-X5',
      action: 'cancel_by_store',
      reason: '门店当天有团购活动，试驾车不足，顾问会与您另约时间',
    },
  },
  'sz.zhao': {
    calledOnTime: {
      name: '高晨阳',
      model: 'YL-X3',
      style: 'amiable',
      styleNote: '刚结婚，和太太一起看车，两人意见要一致',
      visitNote: '试驾X3，太太开了一圈，觉得视野很好',
      callNote: '已接通，客户夫妻还在比较X3和一款日系SUV',
      intentBefore: 'C',
      intentAfter: 'B',
    },
    callToday: {
      name: '康雨桐',
      model: 'YL-E6',
      style: 'expressive',
      styleNote: '喜欢拍照分享，看重颜值和内饰氛围',
      visitNote: '试驾E6纯电，拍了很多照片，问了交车仪式',
      callNote: '',
      intentBefore: 'A',
      intentAfter: 'A',
    },
    calledLate: {
      name: '韦建国',
      model: 'YL-S5',
      style: 'analytical',
      styleNote: '退休工程师，对保养费用算得很细',
      visitNote: '试驾S5，要了十年用车成本明细',
      callNote: '晚两天才回访，客户有些不满，说别家第二天就打电话了',
      intentBefore: 'B',
      intentAfter: 'C',
    },
    warm: {
      name: '莫倩',
      channel: 'inbound_call',
      style: 'amiable',
      styleNote: '性格温和，喜欢微信沟通，不喜欢电话推销',
      notes: [
        '来电咨询E3纯电的女性车主活动',
        '微信发送了活动介绍，客户说周末看看',
        '周末来店参加活动，试坐了E3，对内饰满意',
      ],
      intents: ['C', 'C', 'B'],
    },
    slipped: {
      name: '覃永强',
      channel: 'visit',
      style: 'driver',
      styleNote: '做物流生意，想尽快提车跑业务',
      notes: [
        '来店看M8商务，想给公司接待客户用',
        '电话沟通公司户手续，客户准备好了营业执照',
        '客户说这两天就来交定金，请确认现车',
      ],
      intents: ['B', 'A', 'H'],
    },
    lost: {
      name: '戴文静',
      style: 'analytical',
      visitNote: '来店看X5插混，对比了同级纯电车的用车成本',
      category: 'product',
      lostNote: '客户最终选择纯电车型，认为插混对她的通勤没有必要',
    },
    fallback: {
      name: '石梓萱',
      model: 'YL-E3',
      action: 'reject',
      reason: 'E3试驾车当天需年检，请改约其他时间',
    },
    complaint: {
      name: '龚立新',
      model: 'YL-S5',
      visitNote: '试驾S5，顾问中途接了几次电话',
      note: '客户投诉试驾过程中顾问多次接听电话，讲解不专业，要求换顾问并由经理回电',
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Rows

interface StoreRef {
  id: number;
  code: string;
  name: string;
  hours: FollowUpStoreHours;
  managerId: number;
}

interface Staff {
  id: number;
  name: string;
}

interface Rows {
  customers: ObjectLiteral[];
  bookings: ObjectLiteral[];
  bookingEvents: ObjectLiteral[];
  prospects: ObjectLiteral[];
  contacts: ObjectLiteral[];
  intents: ObjectLiteral[];
  tasks: ObjectLiteral[];
  outbox: ObjectLiteral[];
}

export interface DemoFollowUpCounts {
  prospects: number;
  tasks: number;
  contacts: number;
}

/** What became of a planned task by `now`. */
type Fate =
  | { state: 'pending'; attempts?: number }
  /** Due later today whatever the hour (see the file comment). */
  | { state: 'today' }
  | {
      state: 'done';
      late?: boolean;
      outcome?: FollowUpOutcome;
      note: string;
      /** When it was done; by default within its window (or the morning after, when late). */
      at?: Date;
      /** A done task that was handed to the manager (a complaint). */
      escalated?: boolean;
    }
  | { state: 'cancelled' };

export async function seedDemoFollowUps(
  manager: EntityManager,
  ids: DemoIds,
  now: Date,
): Promise<DemoFollowUpCounts> {
  const storeIds = DEMO_STORES.map((store) => ids.stores.get(store.code)!);
  const existing = await manager
    .getRepository(ProspectEntity)
    .createQueryBuilder('p')
    .where('p.store_id IN (:...storeIds)', { storeIds })
    .getCount();
  if (existing > 0) return { prospects: 0, tasks: 0, contacts: 0 };

  const nextId = async (table: string): Promise<number> => {
    const [row] = (await manager.query(`SELECT MAX(id) AS id FROM ${table}`)) as Array<{ id: unknown }>;
    return Number(row?.id ?? 0) + 1;
  };
  const seq = {
    customer: await nextId('customers'),
    booking: await nextId('test_drive_bookings'),
    prospect: await nextId('prospects'),
    task: await nextId('follow_up_tasks'),
    outbox: await nextId('notification_outbox'),
  };
  const rows: Rows = {
    customers: [],
    bookings: [],
    bookingEvents: [],
    prospects: [],
    contacts: [],
    intents: [],
    tasks: [],
    outbox: [],
  };
  const random = mulberry32(20261124);
  const cars = await manager.find(TestDriveCarEntity, { where: { inService: true } });
  const modelId = (code: string) => ids.models.get(code)!;
  const modelName = (code: string) => DEMO_MODELS.find((model) => model.code === code)!.name;

  for (const demo of DEMO_STORES) {
    const store: StoreRef = {
      id: ids.stores.get(demo.code)!,
      code: demo.code,
      name: demo.name,
      hours: {
        timeZone: demo.timeZone,
        openingHours: demo.hours,
        closedDates: demo.closedDates.map((closed) => closed.date),
      },
      managerId: ids.staff.get(
        DEMO_STAFF.find((s) => s.storeCode === demo.code && s.role === 'manager')!.username,
      )!.id,
    };
    const tz = demo.timeZone;
    const today = localDateIn(tz, now);
    const at = (date: string, time: string) => zonedToUtc(date, time, tz);
    /** The n-th open day before today (1 = the last one). */
    const openDayBack = (n: number): string => {
      let day = today;
      for (let i = 0; i < n; i++)
        day = storeOpenDayFrom(store.hours, addDays(day, -1), -1) ?? addDays(day, -1);
      return day;
    };
    /** Later today in the store's eyes: its closing, else (closed, or closing too soon) an evening callback. */
    const laterToday = (): Date => {
      const hours = storeDayHours(store.hours, today);
      if (hours && hours.closes.getTime() - now.getTime() > 30 * MINUTE) return hours.closes;
      const endOfDay = at(today, '23:59');
      return new Date(Math.min(endOfDay.getTime(), now.getTime() + 2 * HOUR));
    };
    const past = (instant: Date, margin = 5 * MINUTE) =>
      new Date(Math.min(instant.getTime(), now.getTime() - margin));

    const consultants = DEMO_STAFF.filter((s) => s.storeCode === demo.code && s.role === 'consultant');
    for (const [index, member] of consultants.entries()) {
      const consultant: Staff = ids.staff.get(member.username)!;
      const stories = STORIES[member.username];
      if (!stories) continue;
      const phonePrefix = demo.code === 'GZ-TH' ? '1392011' : '1392075';
      let phoneSeq = index * 100;
      const nextPhone = () => `${phonePrefix}${String(++phoneSeq).padStart(4, '0')}`;
      let customerSeq = 0;

      // --- helpers writing one person's rows -------------------------------------------------

      const addCustomer = (name: string, phone: string, createdAt: Date): number => {
        const id = seq.customer++;
        customerSeq += 1;
        rows.customers.push({
          id,
          openid: `dev:demo-${demo.code.toLowerCase()}-${member.username.split('.')[1]}-${customerSeq}`,
          unionid: null,
          phone,
          nickname: name,
          lastLoginAt: createdAt,
          createdAt,
          updatedAt: createdAt,
        });
        return id;
      };

      const addProspect = (input: {
        name: string;
        phone: string;
        customerId: number | null;
        status: ProspectStatus;
        style: CustomerStyle | null;
        styleNote: string | null;
        createdAt: Date;
        lost?: { category: LostReasonCategory; note: string; at: Date };
        consultantId?: number;
      }) => {
        const id = seq.prospect++;
        const row: ObjectLiteral = {
          id,
          storeId: store.id,
          customerId: input.customerId,
          name: input.name,
          phone: input.phone,
          status: input.status,
          intentLevel: null,
          style: input.style,
          styleNote: input.styleNote,
          consultantId: input.consultantId ?? consultant.id,
          lostCategory: input.lost?.category ?? null,
          lostNote: input.lost?.note ?? null,
          lostAt: input.lost?.at ?? null,
          lastContactAt: null,
          createdAt: input.createdAt,
          updatedAt: input.lost?.at ?? input.createdAt,
        };
        rows.prospects.push(row);
        return row;
      };

      const contact = (
        prospect: ObjectLiteral,
        channel: ContactChannel,
        when: Date,
        note: string,
        task?: { id: number; outcome: FollowUpOutcome },
        by: number | null = consultant.id,
      ) => {
        rows.contacts.push({
          storeId: store.id,
          prospectId: prospect.id,
          staffId: by,
          channel,
          at: when,
          note,
          taskId: task?.id ?? null,
          outcome: task?.outcome ?? null,
          createdAt: when,
        });
        if (!prospect.lastContactAt || prospect.lastContactAt < when) prospect.lastContactAt = when;
        if (prospect.updatedAt < when) prospect.updatedAt = when;
      };

      const intent = (prospect: ObjectLiteral, level: IntentLevel, when: Date, note: string | null) => {
        rows.intents.push({
          prospectId: prospect.id,
          level,
          previous: prospect.intentLevel ?? null,
          staffId: consultant.id,
          note,
          at: when,
        });
        prospect.intentLevel = level;
      };

      /** Plans the event's tasks with the domain rules and settles each as `fates` says (by kind). */
      const plan = (
        event: FollowUpEvent,
        prospect: ObjectLiteral | null,
        customerId: number | null,
        fates: Partial<Record<FollowUpTaskKind, Fate>>,
        assignee: number | null = consultant.id,
      ): Map<FollowUpTaskKind, ObjectLiteral> => {
        const planned = new Map<FollowUpTaskKind, ObjectLiteral>();
        for (const task of tasksForEvent(event, { store: store.hours })) {
          const fate = fates[task.kind] ?? { state: 'pending' };
          const row = taskRow(task, fate, prospect, customerId, event.at, assignee);
          planned.set(task.kind, row);
          if (fate.state === 'done' && prospect) {
            contact(prospect, 'outbound_call', row.completedAt as Date, fate.note, {
              id: row.id as number,
              outcome: row.outcome as FollowUpOutcome,
            });
          }
        }
        return planned;
      };

      const taskRow = (
        task: FollowUpTask,
        fate: Fate,
        prospect: ObjectLiteral | null,
        customerId: number | null,
        createdAt: Date,
        assignee: number | null,
      ): ObjectLiteral => {
        let dueAt = task.dueAt;
        let windowStart = task.windowStart ?? null;
        let status: 'pending' | 'done' | 'cancelled' = 'pending';
        let completedAt: Date | null = null;
        let outcome: FollowUpOutcome | null = null;
        let note: string | null = null;
        let escalatedAt: Date | null = null;
        let attempts = 0;
        switch (fate.state) {
          case 'today':
            dueAt = laterToday();
            if (windowStart && windowStart > dueAt) windowStart = null;
            break;
          case 'pending':
            attempts = fate.attempts ?? 0;
            break;
          case 'done': {
            status = 'done';
            outcome = fate.outcome ?? 'reached_confirmed';
            note = fate.note;
            const start = windowStart ?? new Date(dueAt.getTime() - 4 * HOUR);
            completedAt = fate.at
              ? fate.at
              : fate.late
                ? new Date(
                    nextStoreOpening(store.hours, new Date(dueAt.getTime() + MINUTE)).getTime() + 50 * MINUTE,
                  )
                : new Date(start.getTime() + Math.min(90 * MINUTE, (dueAt.getTime() - start.getTime()) / 2));
            completedAt = past(completedAt);
            attempts = fate.late ? 2 : 1;
            if (fate.escalated) escalatedAt = completedAt;
            break;
          }
          case 'cancelled':
            status = 'cancelled';
            break;
        }
        // The escalation job hands every overdue pending task to the manager within a minute.
        if (status === 'pending' && dueAt < now) escalatedAt = new Date(dueAt.getTime() + MINUTE);
        const row: ObjectLiteral = {
          id: seq.task++,
          storeId: store.id,
          prospectId: prospect?.id ?? null,
          customerId,
          kind: task.kind,
          assigneeRole: task.assignee,
          assigneeId: task.assignee === 'consultant' ? assignee : null,
          sourceType: task.sourceType,
          sourceId: task.sourceId,
          status,
          dueAt,
          windowStart,
          escalatedAt,
          attempts,
          outcome,
          note,
          completedAt,
          completedById: completedAt ? (task.assignee === 'manager' ? store.managerId : consultant.id) : null,
          createdAt: past(createdAt),
          updatedAt: past(completedAt ?? createdAt),
        };
        rows.tasks.push(row);
        return row;
      };

      /** A completed test drive of a WeChat customer: booking, its events, the customer's card. */
      const testDrive = (
        story: TestDriveStory | NonNullable<ConsultantStories['complaint']>,
        day: string,
      ) => {
        const phone = nextPhone();
        const startsAt = at(day, random() < 0.5 ? '10:30' : '15:00');
        const bookedAt = new Date(startsAt.getTime() - 2 * DAY - 3 * HOUR);
        const customerId = addCustomer(story.name, phone, bookedAt);
        const bookingId = addBooking({
          customerId,
          name: story.name,
          phone,
          model: story.model,
          startsAt,
          bookedAt,
          status: 'completed',
        });
        const style = 'style' in story ? story.style : null;
        const prospect = addProspect({
          name: story.name,
          phone,
          customerId,
          status: 'active',
          style,
          styleNote: 'styleNote' in story ? story.styleNote : null,
          createdAt: bookedAt,
        });
        // The online booking was the first contact; a new customer's first call was made that day.
        plan(
          { type: 'test_drive_booked', sourceId: bookingId, at: bookedAt, newCustomer: true },
          prospect,
          customerId,
          {
            first_contact: { state: 'done', note: '已电话确认试驾时间，提醒携带驾驶证' },
          },
        );
        contact(prospect, 'visit', new Date(startsAt.getTime() + HOUR), story.visitNote);
        if ('intentBefore' in story)
          intent(prospect, story.intentBefore, new Date(startsAt.getTime() + HOUR), '试驾后评估');
        return { bookingId, prospect, customerId, completedAt: new Date(startsAt.getTime() + HOUR) };
      };

      const addBooking = (input: {
        customerId: number;
        name: string;
        phone: string;
        model: string;
        startsAt: Date;
        bookedAt: Date;
        status: BookingStatus;
        reason?: string;
        closedAt?: Date;
      }): number => {
        const id = seq.booking++;
        const car =
          cars.find((c) => c.storeId === store.id && c.modelId === modelId(input.model)) ??
          cars.find((c) => c.storeId === store.id)!;
        const endsAt = new Date(input.startsAt.getTime() + HOUR);
        const confirmedAt = new Date(input.bookedAt.getTime() + 40 * MINUTE);
        const rejected = input.status === 'rejected';
        rows.bookings.push({
          id,
          reference: generateBookingReference(random),
          storeId: store.id,
          modelId: modelId(input.model),
          customerId: input.customerId,
          startsAt: input.startsAt,
          endsAt,
          status: input.status,
          customerName: input.name,
          mobile: input.phone,
          licenceMasked: '440106************',
          // Seeded without a licence number, as after the retention period.
          licenceHash: null,
          licenceEncrypted: null,
          licencePurgedAt: input.bookedAt,
          consentVersion: CONSENT_VERSION,
          consentAcceptedAt: input.bookedAt,
          licenceConsentAt: input.bookedAt,
          note: null,
          carId: rejected ? null : car.id,
          consultantId: consultant.id,
          proposalStartsAt: null,
          proposalEndsAt: null,
          proposalNote: null,
          proposedBy: null,
          proposedAt: null,
          rescheduleCount: 0,
          closingReason: input.reason ?? null,
          createdAt: input.bookedAt,
          updatedAt: input.closedAt ?? (input.status === 'completed' ? endsAt : confirmedAt),
        });
        const event = (
          action: BookingAction | 'create',
          when: Date,
          from: BookingStatus | null,
          to: BookingStatus,
          reason: string | null = null,
        ) =>
          rows.bookingEvents.push({
            at: when,
            bookingId: id,
            storeId: store.id,
            actorKind: action === 'create' ? 'customer' : 'staff',
            actorId: action === 'create' ? input.customerId : consultant.id,
            actorName: action === 'create' ? null : consultant.name,
            action,
            fromStatus: from,
            toStatus: to,
            reason,
            startsAt: action === 'create' ? input.startsAt : null,
          });
        event('create', input.bookedAt, null, 'requested');
        if (rejected) {
          event('reject', input.closedAt!, 'requested', 'rejected', input.reason);
          return id;
        }
        event('confirm', confirmedAt, 'requested', 'confirmed');
        if (input.status === 'cancelled') {
          event('cancel_by_store', input.closedAt!, 'confirmed', 'cancelled', input.reason);
        } else if (input.status === 'completed') {
          event('check_in', new Date(input.startsAt.getTime() - 10 * MINUTE), 'confirmed', 'checked_in');
          event('complete', endsAt, 'checked_in', 'completed');
        }
        return id;
      };

      // --- 1. Called on time the day after; the 72 h callback waits (upcoming or today) -------

      {
        const story = stories.calledOnTime;
        const drive = testDrive(story, openDayBack(2));
        plan(
          { type: 'test_drive_completed', sourceId: drive.bookingId, at: drive.completedAt },
          drive.prospect,
          drive.customerId,
          {
            test_drive_next_day_call: { state: 'done', note: story.callNote },
          },
        );
        const called = rows.contacts[rows.contacts.length - 1]!.at as Date;
        intent(drive.prospect, story.intentAfter, called, '试驾次日回访重新评估');
      }

      // --- 2. Completed on the last open day: the next-day call is due today ------------------

      {
        const story = stories.callToday;
        const drive = testDrive(story, openDayBack(1));
        plan(
          { type: 'test_drive_completed', sourceId: drive.bookingId, at: drive.completedAt },
          drive.prospect,
          drive.customerId,
          {
            test_drive_next_day_call: { state: 'today' },
          },
        );
      }

      // --- 3. Called a day late; no order after 72 h and the callback is overdue --------------

      {
        const story = stories.calledLate;
        const drive = testDrive(story, openDayBack(5));
        plan(
          { type: 'test_drive_completed', sourceId: drive.bookingId, at: drive.completedAt },
          drive.prospect,
          drive.customerId,
          {
            test_drive_next_day_call: { state: 'done', late: true, note: story.callNote },
            test_drive_no_order_callback: { state: 'pending', attempts: 1 },
          },
        );
        const called = rows.contacts[rows.contacts.length - 1]!.at as Date;
        intent(drive.prospect, story.intentAfter, called, '回访后重新评估');
      }

      // --- 4. A complaint on the next-day call, escalated to the manager ----------------------

      if (stories.complaint) {
        const story = stories.complaint;
        const drive = testDrive(story, openDayBack(2));
        intent(drive.prospect, 'C', drive.completedAt, '试驾体验不佳');
        const planned = plan(
          { type: 'test_drive_completed', sourceId: drive.bookingId, at: drive.completedAt },
          drive.prospect,
          drive.customerId,
          {
            test_drive_next_day_call: {
              state: 'done',
              outcome: 'complaint_escalated',
              note: story.note,
              escalated: true,
            },
          },
        );
        const call = planned.get('test_drive_next_day_call')!;
        const escalatedAt = call.completedAt as Date;
        // The manager calls back within a day (the complaint task follows the call it came from).
        const dueAt = nextStoreOpening(store.hours, new Date(escalatedAt.getTime() + DAY));
        taskRow(
          {
            kind: 'complaint_callback',
            assignee: 'manager',
            dueAt: dueAt < now ? laterToday() : dueAt,
            sourceType: 'follow_up_task' satisfies FollowUpSourceType,
            sourceId: call.id as number,
          },
          { state: 'pending' },
          drive.prospect,
          drive.customerId,
          escalatedAt,
          null,
        );
      }

      // --- 5. Walk-ins and callers with intent histories ---------------------------------------

      const walkIn = (story: WalkInStory, steps: [number, number, number], fate: 'upcoming' | 'overdue') => {
        const phone = nextPhone();
        const times = steps.map((back, i) => at(openDayBack(back), ['10:20', '14:40', '16:10'][i]!));
        const prospect = addProspect({
          name: story.name,
          phone,
          customerId: null,
          status: 'active',
          style: story.style,
          styleNote: story.styleNote,
          createdAt: times[0]!,
        });
        // First contact: logged at reception, the level assessed on the spot.
        contact(prospect, story.channel, times[0]!, story.notes[0]);
        intent(
          prospect,
          story.intents[0],
          times[0]!,
          story.channel === 'visit' ? '来店登记时评估' : '来电登记时评估',
        );
        // The follow-up it planned, made on time (the second contact).
        plan(
          {
            type: 'prospect_intent_assessed',
            sourceId: prospect.id as number,
            at: times[0]!,
            level: story.intents[0],
          },
          prospect,
          null,
          { prospect_follow_up: { state: 'done', note: story.notes[1], at: times[1]! } },
        );
        intent(
          prospect,
          story.intents[1],
          rows.contacts[rows.contacts.length - 1]!.at as Date,
          '跟进电话后评估',
        );
        // The last contact (a visit or their own call), and the follow-up it planned.
        contact(prospect, story.channel === 'visit' ? 'visit' : 'inbound_call', times[2]!, story.notes[2]);
        intent(prospect, story.intents[2], times[2]!, null);
        plan(
          {
            type: 'prospect_intent_assessed',
            sourceId: prospect.id as number,
            at: times[2]!,
            level: story.intents[2],
          },
          prospect,
          null,
          {
            prospect_follow_up:
              fate === 'upcoming' ? { state: 'pending' } : { state: 'pending', attempts: 1 },
          },
        );
      };
      // Level B: due 7 days after the last visit, two days ago → upcoming.
      walkIn(stories.warm, [9, 6, 2], 'upcoming');
      // Level H: due 2 days after a contact four open days ago → overdue.
      walkIn(stories.slipped, [10, 7, 4], 'overdue');

      // --- 6. Lost: the consultant's follow-up cancelled, the manager's callback pending ----------

      {
        const story = stories.lost;
        const phone = nextPhone();
        const visit = at(openDayBack(6), '11:00');
        const lostAt = at(openDayBack(1), '17:20');
        const prospect = addProspect({
          name: story.name,
          phone,
          customerId: null,
          status: 'lost',
          style: story.style,
          styleNote: null,
          createdAt: visit,
          lost: { category: story.category, note: story.lostNote, at: past(lostAt) },
        });
        contact(prospect, 'visit', visit, story.visitNote);
        intent(prospect, 'B', visit, '来店登记时评估');
        plan(
          { type: 'prospect_intent_assessed', sourceId: prospect.id as number, at: visit, level: 'B' },
          prospect,
          null,
          {
            prospect_follow_up: { state: 'cancelled' },
          },
        );
        contact(prospect, 'outbound_call', past(lostAt), `战败：${story.lostNote}`);
        plan({ type: 'prospect_lost', sourceId: prospect.id as number, at: past(lostAt) }, prospect, null, {
          lost_customer_callback: { state: 'today' },
        });
      }

      // --- 7. A store message the customer never subscribed to: the consultant calls instead ----

      {
        const story = stories.fallback;
        const phone = nextPhone();
        // The store closed the booking earlier today while open (else late on the last open day).
        const open = storeDayHours(store.hours, today);
        const closedAt =
          open && now.getTime() - open.opens.getTime() > HOUR
            ? new Date(
                Math.max(
                  open.opens.getTime() + 30 * MINUTE,
                  Math.min(now.getTime() - 2 * HOUR, open.closes.getTime() - HOUR),
                ),
              )
            : new Date((storeDayHours(store.hours, openDayBack(1))?.closes ?? now).getTime() - HOUR);
        const bookedAt = new Date(closedAt.getTime() - DAY - 2 * HOUR);
        const startsAt = at(
          storeOpenDayFrom(store.hours, addDays(today, 2), 1) ?? addDays(today, 2),
          '10:30',
        );
        const customerId = addCustomer(story.name, phone, bookedAt);
        const bookingId = addBooking({
          customerId,
          name: story.name,
          phone,
          model: story.model,
          startsAt,
          bookedAt,
          status: story.action === 'reject' ? 'rejected' : 'cancelled',
          reason: story.reason,
          closedAt,
        });
        const prospect = addProspect({
          name: story.name,
          phone,
          customerId,
          status: 'active',
          style: null,
          styleNote: null,
          createdAt: bookedAt,
        });
        plan(
          { type: 'test_drive_booked', sourceId: bookingId, at: bookedAt, newCustomer: true },
          prospect,
          customerId,
          {
            first_contact: { state: 'done', note: '已电话联系，客户确认试驾时间' },
          },
        );
        intent(prospect, 'B', bookedAt, '线上预约试驾');
        const kind: NotificationKind =
          story.action === 'reject' ? 'test_drive_rejected' : 'test_drive_cancelled_by_store';
        const outboxId = seq.outbox++;
        const refusedAt = new Date(closedAt.getTime() + 2 * MINUTE);
        const due = messageFallbackDueAt(store.hours, refusedAt);
        const task = taskRow(
          {
            kind: 'message_fallback_call',
            assignee: 'consultant',
            dueAt: due,
            sourceType: 'notification',
            sourceId: outboxId,
          },
          { state: 'pending' },
          prospect,
          customerId,
          refusedAt,
          consultant.id,
        );
        rows.outbox.push({
          id: outboxId,
          customerId,
          kind,
          subjectType: 'test_drive_booking',
          subjectId: bookingId,
          page: `subpackages/booking/pages/detail/index?id=${bookingId}`,
          data: {
            subject: `试驾 ${DEMO_BRAND} ${modelName(story.model)}`,
            storeName: store.name,
            time: `${localDateIn(tz, startsAt)} 10:30`,
            remark: story.reason,
          },
          status: 'refused',
          attempts: 1,
          nextAttemptAt: closedAt,
          lastError: NO_GRANT_ERROR,
          sentAt: null,
          storeId: store.id,
          fallbackTaskId: task.id,
          createdAt: closedAt,
          updatedAt: refusedAt,
        });
      }
    }

    await buyers(manager, store, now, rows, seq, ids, laterToday, past);
  }

  await insertAll(manager, CustomerEntity, rows.customers);
  await insertAll(manager, TestDriveBookingEntity, rows.bookings);
  await insertAll(manager, TestDriveBookingEventEntity, rows.bookingEvents);
  await insertAll(manager, ProspectEntity, rows.prospects);
  await insertAll(manager, IntentChangeEntity, rows.intents);
  await insertAll(manager, NotificationOutboxEntity, rows.outbox);
  await insertAll(manager, FollowUpTaskEntity, rows.tasks);
  await insertAll(manager, ContactLogEntity, rows.contacts);
  return { prospects: rows.prospects.length, tasks: rows.tasks.length, contacts: rows.contacts.length };
}

/**
 * The buyers of the demo orders: one prospect per phone (won, or lost when their only order was
 * cancelled), with the confirmation calls of a confirmed date and the calls after a delivery.
 */
async function buyers(
  manager: EntityManager,
  store: StoreRef,
  now: Date,
  rows: Rows,
  seq: { prospect: number; task: number },
  ids: DemoIds,
  laterToday: () => Date,
  past: (instant: Date) => Date,
): Promise<void> {
  const orders = await manager.find(SalesOrderEntity, { where: { storeId: store.id }, order: { id: 'ASC' } });
  if (orders.length === 0) return;
  const events = await manager
    .getRepository(DeliveryEventEntity)
    .createQueryBuilder('e')
    .where('e.order_id IN (:...orderIds)', { orderIds: orders.map((order) => order.id) })
    .orderBy('e.at', 'ASC')
    .getMany();
  const confirmations = await manager
    .getRepository(DeliveryConfirmationEntity)
    .createQueryBuilder('c')
    .where('c.order_id IN (:...orderIds)', { orderIds: orders.map((order) => order.id) })
    .getMany();
  const staffName = new Map([...ids.staff.values()].map((s) => [s.id, s.name]));

  const byPhone = new Map<string, SalesOrderEntity[]>();
  for (const order of orders)
    byPhone.set(order.customerMobile, [...(byPhone.get(order.customerMobile) ?? []), order]);

  for (const [phone, theirs] of byPhone) {
    const first = theirs[0]!;
    const consultantId = first.consultantId;
    const linked = await manager.find(CustomerEntity, { where: { phone }, take: 2 });
    const customerId = linked.length === 1 ? linked[0]!.id : first.customerId;
    const live = theirs.filter((order) => order.status !== 'cancelled');
    const createdEvent = events.find((e) => e.orderId === first.id && e.action === 'create');
    // First visit five days before the order was placed, the contract signed the day it was.
    const tz = store.hours.timeZone;
    const orderedOn = localDateIn(tz, createdEvent?.at ?? first.createdAt);
    const createdAt = zonedToUtc(addDays(orderedOn, -5), '11:00', tz);
    const cancelled = live.length === 0 ? first : null;
    const cancelEvent = cancelled
      ? events.find((e) => e.orderId === cancelled.id && e.action === 'cancel_order')
      : null;
    const prospect: ObjectLiteral = {
      id: seq.prospect++,
      storeId: store.id,
      customerId,
      name: first.customerName,
      phone,
      status: cancelled ? 'lost' : 'won',
      intentLevel: cancelled ? 'C' : 'H',
      style: null,
      styleNote: null,
      consultantId,
      lostCategory: cancelled ? 'postponed' : null,
      lostNote: cancelled?.cancelReason?.slice(0, 200) ?? null,
      lostAt: cancelled ? past(cancelEvent?.at ?? now) : null,
      lastContactAt: null,
      createdAt,
      updatedAt: createdAt,
    };
    rows.prospects.push(prospect);
    const log = (when: Date, channel: ContactChannel, note: string, taskId: number | null = null) => {
      rows.contacts.push({
        storeId: store.id,
        prospectId: prospect.id,
        staffId: consultantId,
        channel,
        at: when,
        note,
        taskId,
        outcome: taskId ? 'reached_confirmed' : null,
        createdAt: when,
      });
      if (!prospect.lastContactAt || prospect.lastContactAt < when) prospect.lastContactAt = when;
      if (prospect.updatedAt < when) prospect.updatedAt = when;
    };
    rows.intents.push({
      prospectId: prospect.id,
      level: 'A',
      previous: null,
      staffId: consultantId,
      note: '来店看车登记',
      at: createdAt,
    });
    log(createdAt, 'visit', '来店看车，试乘后谈了配置和金融方案');
    const ordered = past(zonedToUtc(orderedOn, '15:30', tz));
    rows.intents.push({
      prospectId: prospect.id,
      level: 'H',
      previous: 'A',
      staffId: consultantId,
      note: '已签订购车合同',
      at: ordered,
    });
    log(ordered, 'visit', '签订购车合同，已交定金');

    const task = (input: {
      kind: FollowUpTaskKind;
      assignee: 'consultant' | 'service_advisor' | 'manager';
      dueAt: Date;
      windowStart?: Date | null;
      orderId: number;
      sourceType: FollowUpSourceType;
      status: 'pending' | 'done' | 'cancelled';
      completedAt?: Date | null;
      note?: string | null;
      createdAt: Date;
    }) => {
      const id = seq.task++;
      const pendingOverdue = input.status === 'pending' && input.dueAt < now;
      rows.tasks.push({
        id,
        storeId: store.id,
        prospectId: prospect.id,
        customerId,
        kind: input.kind,
        assigneeRole: input.assignee,
        assigneeId: input.assignee === 'consultant' ? consultantId : null,
        sourceType: input.sourceType,
        sourceId: input.orderId,
        status: input.status,
        dueAt: input.dueAt,
        windowStart: input.windowStart ?? null,
        escalatedAt: pendingOverdue ? new Date(input.dueAt.getTime() + MINUTE) : null,
        attempts: input.status === 'done' ? 1 : 0,
        outcome: input.status === 'done' ? 'reached_confirmed' : null,
        note: input.note ?? null,
        completedAt: input.completedAt ?? null,
        completedById: input.completedAt ? consultantId : null,
        createdAt: past(input.createdAt),
        updatedAt: past(input.completedAt ?? input.createdAt),
      });
      return id;
    };

    for (const order of theirs) {
      const chosen = events.find((e) => e.orderId === order.id && e.action === 'choose_date');
      if (chosen && order.scheduledAt && order.status !== 'scheduling' && order.status !== 'cancelled') {
        const planned = tasksForEvent(
          {
            type: 'delivery_date_confirmed',
            sourceId: order.id,
            at: chosen.at,
            deliveryAt: order.scheduledAt,
            confirmedStages: [],
          },
          { store: store.hours },
        );
        for (const call of planned) {
          const stage = call.kind === 'delivery_t3_call' ? 'T-3' : 'T-1';
          const confirmed = confirmations.find((c) => c.orderId === order.id && c.stage === stage);
          const delivered = order.status === 'delivered';
          const doneAt = confirmed?.at ?? (delivered ? new Date(call.dueAt.getTime() - 3 * HOUR) : null);
          const dueToday =
            !doneAt &&
            call.dueAt > now &&
            localDateIn(store.hours.timeZone, call.dueAt) === localDateIn(store.hours.timeZone, now);
          const id = task({
            kind: call.kind,
            assignee: 'consultant',
            dueAt: dueToday ? laterToday() : call.dueAt,
            windowStart: call.windowStart ?? null,
            orderId: order.id,
            sourceType: 'delivery',
            status: doneAt ? 'done' : 'pending',
            completedAt: doneAt,
            note: doneAt ? (confirmed?.note ?? '客户确认按时到店提车') : null,
            createdAt: chosen.at,
          });
          if (doneAt)
            log(doneAt, 'outbound_call', confirmed?.note ?? `${stage} 确认电话：客户确认按时到店`, id);
        }
      }
      if (order.status === 'delivered' && order.deliveredAt) {
        log(
          order.deliveredAt,
          'visit',
          `到店提车，交接单已签字（${staffName.get(consultantId ?? 0) ?? '顾问'}陪同交车）`,
        );
        for (const call of tasksForEvent(
          { type: 'order_delivered', sourceId: order.id, at: order.deliveredAt },
          { store: store.hours },
        )) {
          task({
            kind: call.kind,
            assignee: call.assignee,
            dueAt: call.dueAt,
            windowStart: call.windowStart ?? null,
            orderId: order.id,
            sourceType: 'delivery',
            status: 'pending',
            createdAt: order.deliveredAt,
          });
        }
      }
    }

    if (cancelled) {
      const lostAt = prospect.lostAt as Date;
      log(lostAt, 'inbound_call', `客户来电取消订单：${cancelled.cancelReason ?? ''}`.slice(0, 500));
      for (const call of tasksForEvent(
        { type: 'prospect_lost', sourceId: prospect.id as number, at: lostAt },
        { store: store.hours },
      )) {
        task({
          kind: call.kind,
          assignee: call.assignee,
          dueAt: call.dueAt < now ? laterToday() : call.dueAt,
          windowStart: call.windowStart ?? null,
          orderId: prospect.id as number,
          sourceType: 'prospect',
          status: 'pending',
          createdAt: lostAt,
        });
      }
    }
  }
}

/** Multi-row INSERTs of up to 200 rows, without reading anything back. */
async function insertAll(
  manager: EntityManager,
  entity: new () => ObjectLiteral,
  rows: ObjectLiteral[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + 200))
      .updateEntity(false)
      .execute();
  }
}
