import type { EntityManager, ObjectLiteral } from 'typeorm';
import {
  addDays,
  DEFAULT_SALES_AUDIT,
  DEFAULT_SURVEY_POLICY,
  invitationSendAt,
  isQuestionVisible,
  localDateIn,
  periodsOn,
  scoreAudit,
  SURVEY_EVENT_KIND,
  validateAnswers,
  visibleQuestions,
  weekdayOf,
  zonedToUtc,
  type AuditMarks,
  type CaseStatus,
  type InvitationHoldReason,
  type InvitationStatus,
  type SurveyAnswers,
  type SurveyEventType,
  type SurveyKind,
  type SurveyQuestion,
} from '@dealer-care/domain';
import type { CaseNote } from '../../modules/surveys/entities/low-score-case.entity.js';
import { LowScoreCaseEntity } from '../../modules/surveys/entities/low-score-case.entity.js';
import { ProcessAuditEntity } from '../../modules/surveys/entities/process-audit.entity.js';
import { SurveyFactorScoreEntity } from '../../modules/surveys/entities/survey-factor-score.entity.js';
import { SurveyInvitationEntity } from '../../modules/surveys/entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from '../../modules/surveys/entities/survey-response.entity.js';
import type { SurveyTemplateEntity } from '../../modules/surveys/entities/survey-template.entity.js';
import { nextCheckWhileOpen, tokenExpiry } from '../../modules/surveys/survey-dispatcher.js';
import {
  answerProgress,
  invitationRow,
  responseRows,
  type InvitationRow,
} from '../../modules/surveys/survey-rows.js';
import { activeSurveyTemplate } from '../../modules/surveys/survey-templates.js';
import { DEMO_BRAND, DEMO_MODELS, DEMO_STAFF, DEMO_STORES } from './demo-data.js';
import { mulberry32 } from './seeded-random.js';
import type { DemoIds } from './seed-demo-orders.js';

/**
 * Three months of satisfaction surveys for the demo group, so the dashboard shows real trends on
 * the first `pnpm start`: invitations from test drives, deliveries, service visits and lost
 * prospects; answers drawn from a seeded random generator (the same every run for the same day)
 * and scored by the same domain functions as a customer's submit (validateAnswers, scoreSurvey);
 * low-score cases in every state; process audits per consultant.
 *
 * The story the numbers tell: quality improves gently week by week; 「试驾后沟通」 and
 * 「到店前沟通」/「交车」 are the weak factors; 赵敏 is the consultant who needs coaching (her
 * audits say so too).
 *
 * Rows are written in a few multi-row INSERTs with ids assigned here (on top of any existing
 * ones), which keeps the whole seed well under a second on SQLite. The invitations belong to no
 * WeChat customer (customer_id NULL), use mobiles 1760000xxxx and event ids from 900,000,000 so
 * they can never meet a real booking or order, and none is left for the dispatcher to send today.
 */

const DAYS = 91;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EVENT_ID_BASE = 900_000_000;
const POLICY = DEFAULT_SURVEY_POLICY;

/** The seeded generator with the draws the survey seed needs. */
function prng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Standard normal (Box–Muller). */
    normal: (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}
type Random = ReturnType<typeof prng>;

/** How each consultant's customers tend to rate (stars added to the mean) and how they audit. */
const CONSULTANT_SKILL: Record<string, { stars: number; audit: number }> = {
  'gz.chen': { stars: 0.12, audit: 0.93 },
  'gz.wang': { stars: 0.05, audit: 0.88 },
  'sz.liu': { stars: 0.08, audit: 0.9 },
  'sz.zhao': { stars: -0.32, audit: 0.68 },
};

/** The weak spots of the group (stars added to a factor's questions). */
const FACTOR_BIAS: Partial<Record<string, number>> = {
  td_after: -0.38,
  pre_visit: -0.42,
  delivery: -0.22,
  pickup: -0.3,
};

/** Events per consultant per open day, by kind. */
const RATES: Record<SurveyEventType, number> = {
  test_drive_completed: 0.95,
  order_delivered: 0.34,
  service_completed: 0.06,
  prospect_lost: 0.05,
};

const EVENT_WHAT: Record<SurveyEventType, string> = {
  test_drive_completed: '试驾',
  order_delivered: '交车',
  service_completed: '保养',
  prospect_lost: '看车',
};

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '梁',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '婷',
  '浩',
  '宇',
  '欣',
  '晨',
  '博',
  '琳',
  '鑫',
];

const PRAISE = [
  '顾问讲解很专业，整个过程很舒服',
  '试驾路线安排得不错，能感受到加速和底盘',
  '服务很周到，茶水也准备得很贴心',
  '交车仪式很用心，家人都很开心',
  '流程清楚，没有被催促，体验很好',
  '顾问很耐心，回答了我所有的问题',
];
const NEUTRAL = ['整体还可以，等候时间有点长', '讲解还行，希望能多介绍一下配置差异', '停车不太方便'];
const COMPLAINTS = [
  '试驾结束后一直被催着交定金，感觉不太好',
  '到店前约好的时间，来了还等了四十分钟',
  '交车时很多功能没讲清楚，回家自己摸索',
  '价格说明不透明，报价和合同上的费用对不上',
  '电话沟通时说有现车，到店又说要等一个月',
  '车里有烟味，"试驾车"也没有洗，影响心情',
];
const CASE_NOTES = {
  contacted: [
    '已电话联系客户，致歉并了解具体情况',
    '客户表示理解，约定周末回店沟通',
    '已联系客户，客户希望店长亲自跟进',
  ],
  resolved: [
    '已安排店长上门致歉，客户表示满意',
    '已为客户补做一次功能讲解，客户认可',
    '已核对费用明细并退还差额，客户接受',
  ],
};

interface StaffRef {
  id: number;
  name: string;
  username: string;
}

interface StoreRef {
  id: number;
  code: string;
  name: string;
  timeZone: string;
  consultants: StaffRef[];
  manager: StaffRef;
  hours: (typeof DEMO_STORES)[number]['hours'];
}

/** An invitation of the demo, its id assigned here. */
type Planned = InvitationRow & { id: number };

/** Rows waiting for their multi-row INSERT. */
interface Pending {
  invitations: ObjectLiteral[];
  responses: ObjectLiteral[];
  factors: ObjectLiteral[];
  cases: ObjectLiteral[];
}

export interface DemoSurveyCounts {
  invitations: number;
  responses: number;
  cases: number;
  audits: number;
}

export async function seedDemoSurveys(
  manager: EntityManager,
  ids: DemoIds,
  now: Date,
): Promise<DemoSurveyCounts> {
  const random = prng(20261123);
  const templates = new Map<SurveyKind, SurveyTemplateEntity>();
  for (const kind of Object.values(SURVEY_EVENT_KIND))
    templates.set(kind, await activeSurveyTemplate(manager, kind));

  const staffOf = (username: string): StaffRef => ({ ...ids.staff.get(username)!, username });
  const stores: StoreRef[] = DEMO_STORES.map((store) => ({
    id: ids.stores.get(store.code)!,
    code: store.code,
    name: store.name,
    timeZone: store.timeZone,
    hours: store.hours,
    consultants: DEMO_STAFF.filter((s) => s.storeCode === store.code && s.role === 'consultant').map((s) =>
      staffOf(s.username),
    ),
    manager: staffOf(DEMO_STAFF.find((s) => s.storeCode === store.code && s.role === 'manager')!.username),
  }));

  const nextId = async (table: string): Promise<number> => {
    const [row] = (await manager.query(`SELECT MAX(id) AS id FROM ${table}`)) as Array<{ id: unknown }>;
    return Number(row?.id ?? 0) + 1;
  };
  let invitationId = await nextId('survey_invitations');
  let responseId = await nextId('survey_responses');
  const pending: Pending = { invitations: [], responses: [], factors: [], cases: [] };
  let eventSeq = 0;
  let mobileSeq = 0;

  for (let back = DAYS - 1; back >= 0; back--) {
    for (const store of stores) {
      const day = addDays(localDateIn(store.timeZone, now), -back);
      const periods = periodsOn(store.hours, weekdayOf(day));
      if (periods.length === 0) continue;
      // The first of the 13 weeks scores a little lower than the last: the PDCA loop working.
      const trend = -0.18 + 0.34 * ((DAYS - 1 - back) / (DAYS - 1));
      for (const consultant of store.consultants) {
        for (const eventType of Object.keys(RATES) as SurveyEventType[]) {
          const count = Math.floor(
            RATES[eventType] + random.next() * (eventType === 'test_drive_completed' ? 1.1 : 1),
          );
          for (let n = 0; n < count; n++) {
            const time = `${String(random.int(10, 16)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`;
            const at = zonedToUtc(day, time, store.timeZone);
            const sendAt = invitationSendAt(eventType, at, store.timeZone, POLICY);
            // Nothing left for the dispatcher to send on the day the demo starts.
            if (sendAt.getTime() > now.getTime() - HOUR) continue;
            eventSeq += 1;
            mobileSeq += 1;
            const model = random.pick(DEMO_MODELS);
            const template = templates.get(SURVEY_EVENT_KIND[eventType])!;
            const customerName = `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.5) ? random.pick(GIVEN) : ''}`;
            // Scheduled as a real event's invitation would be; planInvitation says what became of it.
            const base: Planned = {
              id: invitationId++,
              ...invitationRow(
                {
                  type: eventType,
                  id: EVENT_ID_BASE + eventSeq,
                  at,
                  store,
                  consultantId: consultant.id,
                  customerId: null,
                  customerName,
                  customerMobile: `1760000${String(mobileSeq).padStart(4, '0')}`,
                  what: `${EVENT_WHAT[eventType]} ${DEMO_BRAND} ${model.name}`,
                },
                template,
                sendAt,
              ),
            };
            const mood =
              trend +
              CONSULTANT_SKILL[consultant.username]!.stars +
              random.normal() * 0.3 -
              (random.chance(0.05) ? 1.4 : 0);
            if (planInvitation(pending, random, now, base, template, store, consultant, mood, responseId)) {
              responseId += 1;
            }
          }
        }
      }
    }
  }

  await insertAll(manager, SurveyInvitationEntity, pending.invitations);
  await insertAll(manager, SurveyResponseEntity, pending.responses);
  await insertAll(manager, SurveyFactorScoreEntity, pending.factors);
  await insertAll(manager, LowScoreCaseEntity, pending.cases);
  const audits = auditRows(random, stores, now);
  await insertAll(manager, ProcessAuditEntity, audits);
  return {
    invitations: pending.invitations.length,
    responses: pending.responses.length,
    cases: pending.cases.length,
    audits: audits.length,
  };
}

/** Multi-row INSERTs of a few hundred rows, without reading anything back. */
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

/**
 * What became of one invitation: held back, dropped, answered, half-answered, ignored or expired.
 * True when it was answered (and `responseId` used).
 */
function planInvitation(
  pending: Pending,
  random: Random,
  now: Date,
  base: Planned,
  template: SurveyTemplateEntity,
  store: StoreRef,
  consultant: StaffRef,
  mood: number,
  responseId: number,
): boolean {
  const sinceSend = now.getTime() - base.sendAt.getTime();
  // The contact budget holds a few back: recent ones wait, old ones were dropped after 14 days.
  const recent = sinceSend < POLICY.maxHoldDays * DAY;
  if (random.chance(recent ? 0.09 : 0.03)) {
    if (recent) {
      const reason: InvitationHoldReason = random.chance(0.75) ? 'contact_budget' : 'open_complaint';
      pending.invitations.push({
        ...base,
        status: 'held',
        holdReason: reason,
        nextCheckAt: new Date(now.getTime() + random.int(6, 60) * HOUR),
      });
    } else {
      pending.invitations.push({
        ...base,
        status: 'dropped',
        holdReason: 'held_too_long',
        nextCheckAt: null,
      });
    }
    return false;
  }

  const sentAt = base.sendAt;
  const expiresAt = tokenExpiry(sentAt, POLICY);
  const questions = template.content.questions;
  const answers = drawAnswers(random, questions, mood, base.kind);

  // How long the customer took, if they answer at all: most within the hour, a few days later.
  const roll = random.next();
  const delay =
    roll < 0.45
      ? random.int(4, 60) * MINUTE
      : roll < 0.75
        ? random.int(60, 360) * MINUTE
        : roll < 0.94
          ? random.int(6, 48) * HOUR
          : random.int(2, 6) * DAY + random.int(0, 600) * MINUTE;
  const completedAt = new Date(sentAt.getTime() + delay);
  const answersAtAll = random.chance(0.68);
  const remindAt = new Date(sentAt.getTime() + POLICY.reminderAfterDays * DAY);

  if (answersAtAll && completedAt.getTime() < now.getTime() && completedAt.getTime() < expiresAt.getTime()) {
    const openedAt = new Date(
      Math.max(sentAt.getTime() + MINUTE, completedAt.getTime() - random.int(2, 6) * MINUTE),
    );
    const completed: Planned = {
      ...base,
      status: 'completed',
      holdReason: null,
      nextCheckAt: null,
      sentAt,
      remindedAt: remindAt.getTime() < completedAt.getTime() ? remindAt : null,
      openedAt,
      startedAt: openedAt,
      completedAt,
      expiresAt,
      ...answerProgress(questions, answers),
    };
    pending.invitations.push(completed);
    recordResponse(pending, random, now, completed, template, store, consultant, answers, responseId);
    return true;
  }

  // Not answered (yet): opened or half-done or untouched; expired once its 14 days are over.
  const expired = expiresAt.getTime() <= now.getTime();
  const stage = random.next();
  const openedAt = stage < 0.6 ? new Date(sentAt.getTime() + random.int(5, 2 * 24 * 60) * MINUTE) : null;
  const seen = openedAt !== null && openedAt.getTime() < now.getTime() ? openedAt : null;
  const started = seen !== null && stage < 0.25;
  const partial: SurveyAnswers = {};
  if (started) {
    for (const question of visibleQuestions(questions, answers).slice(0, random.int(1, 3))) {
      if (answers[question.key] !== undefined) partial[question.key] = answers[question.key]!;
    }
  }
  const reminded = remindAt.getTime() <= now.getTime() ? remindAt : null;
  const status: InvitationStatus = expired ? 'expired' : started ? 'started' : seen ? 'opened' : 'sent';
  pending.invitations.push({
    ...base,
    status,
    holdReason: null,
    nextCheckAt: expired ? null : nextCheckWhileOpen(sentAt, reminded, expiresAt, POLICY),
    sentAt,
    remindedAt: reminded,
    openedAt: seen,
    startedAt: started ? new Date(seen.getTime() + 2 * MINUTE) : null,
    completedAt: null,
    expiresAt,
    ...answerProgress(questions, partial),
  });
  return false;
}

/** The answers of one customer: stars around their mood, the recommend score following them. */
function drawAnswers(
  random: Random,
  questions: SurveyQuestion[],
  mood: number,
  kind: SurveyKind,
): SurveyAnswers {
  const answers: SurveyAnswers = {};
  const stars: number[] = [];
  for (const question of questions) {
    if (!isQuestionVisible(questions, question, answers)) continue;
    if (!question.required && question.type !== 'text' && random.chance(0.2)) continue;
    switch (question.type) {
      case 'rating': {
        const bias = question.factor ? (FACTOR_BIAS[question.factor] ?? 0) : 0;
        // Outcome questions (overall, repurchase) follow the experience the factors described.
        const centre = question.factor ? 4.58 + mood + bias : average(stars) + random.normal() * 0.25;
        const value = clamp(Math.round(centre + random.normal() * 0.42), 1, 5);
        if (question.factor) stars.push(value);
        answers[question.key] = value;
        break;
      }
      case 'nps': {
        const felt = typeof answers.overall === 'number' ? answers.overall : average(stars);
        answers[question.key] = clamp(Math.round(felt * 2 + random.normal() * 0.9), 0, 10);
        break;
      }
      case 'single_choice': {
        // Happier customers lean to the first options (buying sooner); lost prospects' reasons are spread.
        const lean = kind !== 'lost_sales' && average(stars) >= 4.5 ? 1.8 : 1;
        const index = Math.floor(random.next() ** lean * question.options.length);
        answers[question.key] = question.options[Math.min(index, question.options.length - 1)]!.value;
        break;
      }
      case 'multi_choice': {
        const first = random.pick(question.options).value;
        const second = random.pick(question.options).value;
        answers[question.key] = first === second || random.chance(0.5) ? [first] : [first, second];
        break;
      }
      case 'text': {
        const felt = average(stars);
        if (felt < 3.6 ? random.chance(0.8) : random.chance(0.3)) {
          const bank = felt < 3.6 ? COMPLAINTS : felt < 4.3 ? NEUTRAL : PRAISE;
          answers[question.key] = random.pick(bank).slice(0, question.maxLength);
        }
        break;
      }
    }
  }
  // The same check as a customer's submit: a seed that drifts from the template fails loudly.
  const checked = validateAnswers(questions, answers, 'final');
  if (!checked.ok)
    throw new Error(`Demo survey answers do not fit the template: ${JSON.stringify(checked.errors)}`);
  return checked.answers;
}

/**
 * The response, its factor scores and, for a low score, its case, built as the submit builds
 * them; the case is then moved along as a store would have worked it by `now`.
 */
function recordResponse(
  pending: Pending,
  random: Random,
  now: Date,
  invitation: Planned,
  template: SurveyTemplateEntity,
  store: StoreRef,
  consultant: StaffRef,
  answers: SurveyAnswers,
  responseId: number,
): void {
  const completedAt = invitation.completedAt!;
  const rows = responseRows(invitation, template, answers, completedAt, store.timeZone, POLICY);
  pending.responses.push({ id: responseId, ...rows.response });
  pending.factors.push(...rows.factorScores.map((row) => ({ ...row, responseId })));
  if (!rows.lowScoreCase) return;

  // Recent cases are still being worked; older ones mostly resolved, some late, a few forgotten.
  const { dueAt } = rows.lowScoreCase;
  const age = now.getTime() - completedAt.getTime();
  const roll = random.next();
  let status: CaseStatus;
  let contactedAt: Date | null = null;
  let resolvedAt: Date | null = null;
  if (age < 6 * HOUR || (age < 3 * DAY && roll < 0.3)) {
    status = 'open';
  } else if (roll < 0.12) {
    status = 'open';
  } else if (roll < 0.26 || age < 2 * DAY) {
    status = 'contacted';
    contactedAt = new Date(
      completedAt.getTime() + random.int(2, Math.min(40, Math.floor(age / HOUR) - 1)) * HOUR,
    );
  } else {
    status = 'resolved';
    const late = random.chance(0.22);
    contactedAt = new Date(completedAt.getTime() + random.int(1, late ? 30 : 8) * HOUR);
    resolvedAt = new Date(contactedAt.getTime() + random.int(1, late ? 40 : 12) * HOUR);
    if (!late && resolvedAt.getTime() > dueAt.getTime()) resolvedAt = new Date(dueAt.getTime() - HOUR);
  }
  // Nothing happens in the future: a step not reached by now has not happened yet.
  if (resolvedAt && resolvedAt.getTime() > now.getTime()) {
    resolvedAt = null;
    status = 'contacted';
  }
  if (contactedAt && contactedAt.getTime() > now.getTime()) {
    contactedAt = null;
    status = 'open';
  }
  const notes: CaseNote[] = [];
  if (contactedAt) {
    notes.push({
      at: contactedAt.toISOString(),
      byId: consultant.id,
      byName: consultant.name,
      status: 'contacted',
      note: random.pick(CASE_NOTES.contacted),
    });
  }
  if (resolvedAt) {
    notes.push({
      at: resolvedAt.toISOString(),
      byId: store.manager.id,
      byName: store.manager.name,
      status: 'resolved',
      note: random.pick(CASE_NOTES.resolved),
    });
  }
  pending.cases.push({ ...rows.lowScoreCase, responseId, status, contactedAt, resolvedAt, notes });
}

/** Three audits per consultant about a month apart, the middle one by a mystery shopper. */
function auditRows(random: Random, stores: StoreRef[], now: Date): ObjectLiteral[] {
  const items = DEFAULT_SALES_AUDIT.steps.flatMap((step) => step.groups.flatMap((group) => group.items));
  const rows: ObjectLiteral[] = [];
  for (const store of stores) {
    for (const consultant of store.consultants) {
      const skill = CONSULTANT_SKILL[consultant.username]!.audit;
      [76, 46, 16].forEach((daysAgo, index) => {
        const marks: AuditMarks = {};
        // Later audits a little better: the coaching after each one shows.
        const p = Math.min(0.98, skill + index * 0.03);
        for (const item of items) marks[item.key] = random.chance(0.06) ? null : random.chance(p);
        const score = scoreAudit(DEFAULT_SALES_AUDIT, marks);
        rows.push({
          storeId: store.id,
          consultantId: consultant.id,
          auditorId: store.manager.id,
          auditorKind: index === 1 ? 'mystery_shopper' : 'manager',
          templateKey: DEFAULT_SALES_AUDIT.key,
          templateVersion: DEFAULT_SALES_AUDIT.version,
          marks,
          note: index === 1 ? '神秘顾客暗访，录入人：店长' : null,
          totalScore: score.total,
          stepScores: score.steps,
          auditedAt: new Date(
            now.getTime() - daysAgo * DAY - random.int(0, 5) * DAY - random.int(1, 8) * HOUR,
          ),
        });
      });
    }
  }
  return rows;
}

function average(values: number[]): number {
  return values.length === 0 ? 4.5 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
