/**
 * Satisfaction surveys (客户满意度): versioned templates, invitations created by journey events,
 * responses and their scores, low-score cases, and the dashboard's shapes. Shared by the API,
 * the mini-program and the portal. Instants on the wire are ISO-8601 UTC.
 */

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

/**
 * test_drive_feedback: 试乘试驾意见表, after a completed test drive.
 * sales_csi: after delivery (J.D. Power China SSI buyer factors).
 * service_ssi: after a service visit (J.D. Power China CSI factors).
 * lost_sales: a short survey for a prospect who bought elsewhere (J.D. Power's "rejecters").
 */
export const SURVEY_KINDS = ['test_drive_feedback', 'sales_csi', 'service_ssi', 'lost_sales'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

export const SURVEY_KIND_LABEL_ZH: Record<SurveyKind, string> = {
  test_drive_feedback: '试乘试驾意见表',
  sales_csi: '购车满意度调查',
  service_ssi: '售后服务满意度调查',
  lost_sales: '未成交客户回访问卷',
};

/** rating: 1–5 stars; nps: 0–10 likelihood to recommend; single/multi choice; free text. */
export const QUESTION_TYPES = ['rating', 'nps', 'single_choice', 'multi_choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABEL_ZH: Record<QuestionType, string> = {
  rating: '星级评分（1–5）',
  nps: '推荐意愿（0–10）',
  single_choice: '单选',
  multi_choice: '多选',
  text: '文字',
};

/** Outcome measures a rating question can stand for (process vs outcome indicators, DOMAIN: satisfaction). */
export const OUTCOME_MEASURES = ['overall_satisfaction', 'repurchase_intent'] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

/** A question is shown only when an earlier question's answer is one of `anyOf` (for multi choice: any selected). */
export interface ShowCondition {
  question: string;
  anyOf: Array<string | number>;
}

export interface ChoiceOption {
  /** Stable value stored in answers: lower-case letters, digits, underscores. */
  value: string;
  label: string;
}

interface QuestionBase {
  /** Stable key inside the template: lower-case letters, digits, underscores. */
  key: string;
  title: string;
  /** A short hint under the title. */
  help?: string;
  required: boolean;
  showIf?: ShowCondition;
}

export interface RatingQuestion extends QuestionBase {
  type: 'rating';
  /** The factor the question scores; null for outcome questions outside the index. */
  factor: string | null;
  /** Weight inside its factor (relative, > 0); default 1. */
  weight?: number;
  measure?: OutcomeMeasure;
}

export interface NpsQuestion extends QuestionBase {
  type: 'nps';
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'single_choice' | 'multi_choice';
  options: ChoiceOption[];
}

export interface TextQuestion extends QuestionBase {
  type: 'text';
  /** Most characters accepted, 1–1000. */
  maxLength: number;
}

export type SurveyQuestion = RatingQuestion | NpsQuestion | ChoiceQuestion | TextQuestion;

/** A scored factor of a template. Weights are percentages of the 1,000-point index; they need not sum to 100 (normalised). */
export interface SurveyFactor {
  key: string;
  label: string;
  weight: number;
}

/** What counts as a low score; a null part is switched off. */
export interface LowScoreRule {
  /** Any factor score (0–100) strictly below this. */
  factorBelow: number | null;
  /** The overall-satisfaction rating at most this many stars. */
  overallAtMost: number | null;
  /** The recommend score (0–10) at most this. */
  npsAtMost: number | null;
}

export const DEFAULT_LOW_SCORE_RULE: LowScoreRule = { factorBelow: 60, overallAtMost: 2, npsAtMost: 6 };

/** The editable content of a template; a saved change becomes a new version. */
export interface SurveyTemplateContent {
  title: string;
  /** Shown on the first screen: why we ask and how long it takes. */
  intro: string;
  /** Shown after submitting. */
  thanks: string;
  factors: SurveyFactor[];
  questions: SurveyQuestion[];
  lowScoreRule: LowScoreRule;
}

export interface SurveyTemplate extends SurveyTemplateContent {
  id: number;
  kind: SurveyKind;
  /** 1, 2, … per kind; an answered version never changes. */
  version: number;
  /** The version new invitations use. */
  active: boolean;
  createdAt: string;
  createdByName: string | null;
}

/** Limits shared by the API's validation and the portal's template editor. */
export const SURVEY_TEMPLATE_LIMITS = {
  titleMax: 40,
  introMax: 300,
  thanksMax: 200,
  questionTitleMax: 80,
  helpMax: 120,
  optionLabelMax: 30,
  maxQuestions: 40,
  maxFactors: 12,
  maxOptions: 12,
  textMaxLength: 1000,
} as const;

// ---------------------------------------------------------------------------------------------
// Answers and scores
// ---------------------------------------------------------------------------------------------

/** rating and nps: a number; single choice and text: a string; multi choice: strings. */
export type AnswerValue = number | string | string[];
export type SurveyAnswers = Record<string, AnswerValue>;

export interface FactorScore {
  key: string;
  label: string;
  weight: number;
  /** 0–100, one decimal; null when none of its questions were answered. */
  score: number | null;
}

export type NpsGroup = 'promoter' | 'passive' | 'detractor';

export interface SurveyScore {
  factors: FactorScore[];
  /** 0–1000, whole points; null when no weighted factor has a score. */
  index: number | null;
  /** The 0–10 recommend answer, if the template asks it. */
  nps: number | null;
  npsGroup: NpsGroup | null;
  /** The overall-satisfaction stars, if asked. */
  overall: number | null;
  lowScore: boolean;
  /** Why it is low, in Chinese, e.g. "「交车」得分 37.5，低于 60 分". */
  lowScoreReasons: string[];
}

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

/** The journey events that create an invitation (one per event). */
export const SURVEY_EVENT_TYPES = [
  'test_drive_completed',
  'order_delivered',
  'service_completed',
  'prospect_lost',
] as const;
export type SurveyEventType = (typeof SURVEY_EVENT_TYPES)[number];

export const SURVEY_EVENT_KIND: Record<SurveyEventType, SurveyKind> = {
  test_drive_completed: 'test_drive_feedback',
  order_delivered: 'sales_csi',
  service_completed: 'service_ssi',
  prospect_lost: 'lost_sales',
};

/**
 * scheduled: waiting for its send time; held: the contact budget or an open complaint holds it back;
 * sent: the customer can see it; opened; started (some answers saved); completed;
 * expired: not completed before the token expired; dropped: never sent, with a reason.
 */
export const INVITATION_STATUSES = [
  'scheduled',
  'held',
  'sent',
  'opened',
  'started',
  'completed',
  'expired',
  'dropped',
] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_STATUS_LABEL_ZH: Record<InvitationStatus, string> = {
  scheduled: '待发送',
  held: '暂缓发送',
  sent: '已发送',
  opened: '已打开',
  started: '答题中',
  completed: '已完成',
  expired: '已过期',
  dropped: '未发送',
};

export const INVITATION_ACTIONS = [
  'release',
  'hold',
  'drop',
  'remind',
  'open',
  'save_progress',
  'submit',
  'expire',
] as const;
export type InvitationAction = (typeof INVITATION_ACTIONS)[number];

/** Contact-budget and timing settings (configurable; these are the defaults). */
export interface SurveyPolicy {
  /** A customer is sent at most one survey in this many days, whatever its kind. */
  contactGapDays: number;
  /** The token expires this many days after sending. */
  expiryDays: number;
  /** One reminder this many days after sending, if not completed. */
  reminderAfterDays: number;
  /** A held invitation not sent within this many days of its send time is dropped. */
  maxHoldDays: number;
  /** Delivery surveys go out the next day at this store-local time. */
  deliverySendTime: string;
  /** A low-score case must be worked within this many hours. */
  caseDueHours: number;
}

export const DEFAULT_SURVEY_POLICY: SurveyPolicy = {
  contactGapDays: 7,
  expiryDays: 14,
  reminderAfterDays: 3,
  maxHoldDays: 14,
  deliverySendTime: '10:00',
  caseDueHours: 24,
};

/** Why an invitation is held or dropped. */
export const INVITATION_HOLD_REASONS = [
  'contact_budget',
  'open_complaint',
  'no_wechat_customer',
  'held_too_long',
] as const;
export type InvitationHoldReason = (typeof INVITATION_HOLD_REASONS)[number];

export const INVITATION_HOLD_REASON_LABEL_ZH: Record<InvitationHoldReason, string> = {
  contact_budget: '近期已发送过问卷（联系频次限制）',
  open_complaint: '客户有未处理完的投诉',
  no_wechat_customer: '客户尚未绑定微信',
  held_too_long: '暂缓超过期限，不再发送',
};

/** What the customer sees in "待填写的问卷". */
export interface PendingSurvey {
  token: string;
  kind: SurveyKind;
  title: string;
  /** e.g. "试驾 云岚 星河 · 11月20日 · 星河汽车城店". */
  subject: string;
  storeName: string;
  status: Extract<InvitationStatus, 'sent' | 'opened' | 'started'>;
  answeredCount: number;
  questionCount: number;
  sentAt: string;
  expiresAt: string;
}

/** A survey opened by its token: the template version it was sent with and the saved progress. */
export interface SurveyForm {
  token: string;
  kind: SurveyKind;
  subject: string;
  storeName: string;
  consultantName: string | null;
  status: InvitationStatus;
  template: Pick<SurveyTemplate, 'id' | 'version' | 'title' | 'intro' | 'thanks' | 'questions'>;
  answers: SurveyAnswers;
  expiresAt: string;
  completedAt: string | null;
}

export interface SaveSurveyProgressRequest {
  answers: SurveyAnswers;
}

export interface SubmitSurveyRequest {
  answers: SurveyAnswers;
}

/** What the customer gets back after submitting (the same on a resubmission). */
export interface SurveySubmitted {
  token: string;
  completedAt: string;
  thanks: string;
}

// ---------------------------------------------------------------------------------------------
// Low-score cases (客户回访)
// ---------------------------------------------------------------------------------------------

export const CASE_STATUSES = ['open', 'contacted', 'resolved'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABEL_ZH: Record<CaseStatus, string> = {
  open: '待联系',
  contacted: '已联系',
  resolved: '已解决',
};

export interface LowScoreCase {
  id: number;
  responseId: number;
  storeId: number;
  storeName: string;
  kind: SurveyKind;
  customerName: string;
  mobileMasked: string;
  subject: string;
  consultant: { id: number; name: string } | null;
  owner: { id: number; name: string } | null;
  status: CaseStatus;
  reasons: string[];
  index: number | null;
  nps: number | null;
  /** The customer's comments, for the call. */
  comments: string[];
  openedAt: string;
  dueAt: string;
  contactedAt: string | null;
  resolvedAt: string | null;
  /** Not resolved and past due (or resolved after it). */
  overdue: boolean;
  notes: Array<{ at: string; byName: string; status: CaseStatus; note: string }>;
}

export interface UpdateCaseRequest {
  status: Exclude<CaseStatus, 'open'>;
  note: string;
}

export interface AssignCaseRequest {
  ownerId: number;
}

// ---------------------------------------------------------------------------------------------
// Dashboard (满意度)
// ---------------------------------------------------------------------------------------------

export interface SatisfactionQuery {
  kind: SurveyKind;
  /** Store-local dates, inclusive; default the last 90 days. */
  from?: string;
  to?: string;
  /** Admins may narrow to one store; others are limited to their own. */
  storeId?: number;
}

/** Invited = sent (reached the customer); a started survey is not a response. */
export interface SurveyFunnel {
  invited: number;
  opened: number;
  started: number;
  completed: number;
  expired: number;
  held: number;
  dropped: number;
  /** completed / invited, 0–1, null when none invited. */
  responseRate: number | null;
  /** Median hours from sending to completing. */
  medianHoursToAnswer: number | null;
}

export interface ScoreAggregate {
  responses: number;
  /** Mean 1,000-point index. */
  index: number | null;
  /** -100…100. */
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  lowScores: number;
}

export interface SatisfactionSummary {
  kind: SurveyKind;
  from: string;
  to: string;
  overall: ScoreAggregate;
  funnel: SurveyFunnel;
  /** Monday of each store-local week. */
  byWeek: Array<ScoreAggregate & { week: string }>;
  byStore: Array<ScoreAggregate & { storeId: number; storeName: string }>;
  byConsultant: Array<
    ScoreAggregate & { consultantId: number; consultantName: string; auditScore: number | null }
  >;
  /** Weakest first (the PDCA "check" view). */
  byFactor: Array<{ key: string; label: string; weight: number; score: number | null; responses: number }>;
  cases: {
    open: number;
    contacted: number;
    resolved: number;
    overdue: number;
    closedOnTimeRate: number | null;
  };
}

export interface SurveyResponseListItem {
  id: number;
  kind: SurveyKind;
  storeId: number;
  storeName: string;
  consultantName: string | null;
  customerName: string;
  subject: string;
  completedAt: string;
  index: number | null;
  nps: number | null;
  overall: number | null;
  lowScore: boolean;
}

export interface SurveyResponseDetail extends SurveyResponseListItem {
  templateVersion: number;
  score: SurveyScore;
  /** Question by question, in template order, with readable answers. */
  answers: Array<{ key: string; title: string; type: QuestionType; answer: string | null }>;
}

export interface SurveyResponsesQuery extends SatisfactionQuery {
  lowOnly?: boolean;
  consultantId?: number;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * One invitation as staff see it in the dashboard's invitation list: where it stands and, when it
 * was held back or dropped, why (INVITATION_HOLD_REASON_LABEL_ZH) and when it is tried again.
 */
export interface SurveyInvitationListItem {
  id: number;
  kind: SurveyKind;
  storeId: number;
  storeName: string;
  customerName: string;
  /** e.g. "138****8000"; staff lists never carry the full number. */
  mobileMasked: string;
  subject: string;
  consultantName: string | null;
  status: InvitationStatus;
  /** Why it is held or was dropped; null otherwise. */
  holdReason: InvitationHoldReason | null;
  /** When it was due to be sent (the date filters of the list apply to this). */
  sendAt: string;
  /** Scheduled or held: when the dispatcher tries to send it next; null in every other status. */
  nextCheckAt: string | null;
  sentAt: string | null;
  remindedAt: string | null;
  openedAt: string | null;
  completedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
}

/** The invitation list's filters: the dashboard's, by the date each was due to be sent, and a status. */
export interface SurveyInvitationsQuery extends SatisfactionQuery {
  status?: InvitationStatus;
  page?: number;
  pageSize?: number;
}

// ---------------------------------------------------------------------------------------------
// Process audit (过程检核)
// ---------------------------------------------------------------------------------------------

export interface AuditItem {
  key: string;
  label: string;
}

export interface AuditGroup {
  key: string;
  label: string;
  /** As published; null when the standard left it unweighted. */
  publishedWeight: number | null;
  items: AuditItem[];
}

export interface AuditStep {
  key: string;
  label: string;
  publishedWeight: number | null;
  groups: AuditGroup[];
}

export interface AuditTemplate {
  key: string;
  version: number;
  title: string;
  steps: AuditStep[];
}

/** A step's or group's weight after filling unweighted rows and normalising, with a note saying what was done. */
export interface NormalisedWeight {
  key: string;
  weight: number;
  note: string | null;
}

/** true: done, false: not done, null: not applicable (left out of the score). */
export type AuditMarks = Record<string, boolean | null>;

export interface AuditScore {
  /** 0–100, one decimal. */
  total: number | null;
  steps: Array<{ key: string; label: string; weight: number; score: number | null }>;
}

export interface ProcessAudit {
  id: number;
  storeId: number;
  consultant: { id: number; name: string };
  auditorName: string;
  auditorKind: 'manager' | 'mystery_shopper';
  templateKey: string;
  templateVersion: number;
  marks: AuditMarks;
  note: string | null;
  score: AuditScore;
  auditedAt: string;
}

export interface CreateAuditRequest {
  consultantId: number;
  auditorKind: 'manager' | 'mystery_shopper';
  marks: AuditMarks;
  note?: string;
}
