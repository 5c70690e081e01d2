import { canWorkLowScoreCase, type StaffRole } from '@dealer-care/domain';

/** Top-level sections of the portal, in menu order. */
export const SECTIONS = [
  'home',
  'stores',
  'test-drives',
  'deliveries',
  'follow-ups',
  'customers',
  'satisfaction',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface SectionDef {
  key: Section;
  label: string;
  path: string;
  roles: readonly StaffRole[];
  /** False while the section is announced but not built yet ("即将上线"). */
  available: boolean;
}

/** Route `handle` of a page: the section it belongs to, checked by the layout with `canOpen`. */
export interface RouteHandle {
  section: Section;
}

const ALL: readonly StaffRole[] = ['consultant', 'manager', 'admin'];

const DEFS: Record<Section, SectionDef> = {
  home: { key: 'home', label: '工作台', path: '/', roles: ALL, available: true },
  stores: { key: 'stores', label: '门店', path: '/stores', roles: ALL, available: true },
  'test-drives': {
    key: 'test-drives',
    label: '试驾预约',
    path: '/test-drives',
    roles: ALL,
    available: true,
  },
  deliveries: { key: 'deliveries', label: '交车管理', path: '/deliveries', roles: ALL, available: true },
  'follow-ups': { key: 'follow-ups', label: '回访任务', path: '/follow-ups', roles: ALL, available: true },
  customers: { key: 'customers', label: '客户', path: '/customers', roles: ALL, available: true },
  satisfaction: { key: 'satisfaction', label: '满意度', path: '/satisfaction', roles: ALL, available: true },
  settings: { key: 'settings', label: '设置', path: '/settings', roles: ['admin'], available: false },
};

export function sectionDef(section: Section): SectionDef {
  return DEFS[section];
}

/** Whether a role sees the section in the menu (built or not). */
export function canSee(role: StaffRole, section: Section): boolean {
  return DEFS[section].roles.includes(role);
}

/** Whether a role may open the section's page: it must be visible and built. */
export function canOpen(role: StaffRole, section: Section): boolean {
  return canSee(role, section) && DEFS[section].available;
}

/** The menu a role sees, in order; unbuilt sections included so staff see what is coming. */
export function menuFor(role: StaffRole): SectionDef[] {
  return SECTIONS.filter((section) => canSee(role, section)).map((section) => DEFS[section]);
}

/** The section a router path belongs to (`/stores/3` → stores), or undefined. */
export function sectionOfPath(pathname: string): Section | undefined {
  const first = pathname.split('/').filter(Boolean)[0];
  if (first === undefined) return 'home';
  return SECTIONS.find((section) => section !== 'home' && DEFS[section].path === `/${first}`);
}

/** Whether a role may change a store's test-drive booking rules (the API allows managers and admins). */
export function canEditTestDrivePolicy(role: StaffRole): boolean {
  return role === 'manager' || role === 'admin';
}

/** The parts of 满意度, in tab order. */
export const SATISFACTION_TABS = [
  'dashboard',
  'responses',
  'cases',
  'templates',
  'audits',
  'messages',
] as const;
export type SatisfactionTab = (typeof SATISFACTION_TABS)[number];

/**
 * The tabs of 满意度 a role may open. Everyone reads the dashboard, the answers, the low-score
 * cases and the templates of their scope (the API limits consultants and managers to their store);
 * process audits are entered and read by managers and admins.
 */
export function satisfactionTabsFor(role: StaffRole): SatisfactionTab[] {
  return SATISFACTION_TABS.filter(
    (tab) =>
      (tab !== 'audits' || canRecordAudits(role)) && (tab !== 'messages' || canSeeMessageDelivery(role)),
  );
}

/**
 * 消息投递: the customer messages WeChat did not deliver (failed, refused) and what became of
 * them. Managers and admins watch it and send a failed one again; consultants get the phone task.
 */
export function canSeeMessageDelivery(role: StaffRole): boolean {
  return role === 'manager' || role === 'admin';
}

/**
 * Managers and admins look at the whole store's follow-ups: they filter by consultant, see the
 * escalated ones, hand tasks over and read the completion rates; consultants work their own.
 */
export function canManageFollowUps(role: StaffRole): boolean {
  return role === 'manager' || role === 'admin';
}

/** Managers and admins hand a prospect to another consultant. */
export function canReassignProspect(role: StaffRole): boolean {
  return role === 'manager' || role === 'admin';
}

/**
 * The group admin saves a changed survey template as a new version; store staff read them. One
 * survey for the whole group keeps the stores' scores comparable.
 */
export function canEditSurveyTemplates(role: StaffRole): boolean {
  return role === 'admin';
}

/** Managers and admins fill in process audits (their own or a mystery shopper's sheet). */
export function canRecordAudits(role: StaffRole): boolean {
  return role === 'manager' || role === 'admin';
}

/** Managers and admins hand a low-score case to another member of staff. */
export function canAssignCases(role: StaffRole): boolean {
  return role === 'manager' || role === 'admin';
}

/** Only admins see several stores and may narrow the satisfaction figures to one. */
export function canPickSatisfactionStore(role: StaffRole): boolean {
  return role === 'admin';
}

/**
 * Whether a member of staff may record a call or close a low-score case: managers and admins any
 * case they can see, a consultant the cases they own.
 */
export function canWorkCase(
  staff: { id: number; role: StaffRole },
  lowScoreCase: { owner: { id: number } | null },
): boolean {
  return canWorkLowScoreCase(staff, lowScoreCase.owner?.id ?? null);
}
