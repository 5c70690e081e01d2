import { STAFF_ROLES, type StaffRole } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  SECTIONS,
  SATISFACTION_TABS,
  canAssignCases,
  canEditSurveyTemplates,
  canManageFollowUps,
  canReassignProspect,
  canSeeMessageDelivery,
  canEditTestDrivePolicy,
  canOpen,
  canPickSatisfactionStore,
  canRecordAudits,
  canWorkCase,
  canSee,
  menuFor,
  sectionDef,
  satisfactionTabsFor,
  sectionOfPath,
} from './access';

const keys = (role: StaffRole) => menuFor(role).map((item) => item.key);

describe('menuFor', () => {
  it('gives consultants the daily sections and satisfaction', () => {
    expect(keys('consultant')).toEqual([
      'home',
      'stores',
      'test-drives',
      'deliveries',
      'follow-ups',
      'customers',
      'satisfaction',
    ]);
  });

  it('gives managers the same sections as consultants', () => {
    expect(keys('manager')).toEqual([
      'home',
      'stores',
      'test-drives',
      'deliveries',
      'follow-ups',
      'customers',
      'satisfaction',
    ]);
  });

  it('gives admins every section, in menu order', () => {
    expect(keys('admin')).toEqual([...SECTIONS]);
  });

  it('labels every item in Chinese and marks every section but settings as built', () => {
    const admin = menuFor('admin');
    expect(admin.map((item) => item.label)).toEqual([
      '工作台',
      '门店',
      '试驾预约',
      '交车管理',
      '回访任务',
      '客户',
      '满意度',
      '设置',
    ]);
    expect(admin.filter((item) => item.available).map((item) => item.key)).toEqual([
      'home',
      'stores',
      'test-drives',
      'deliveries',
      'follow-ups',
      'customers',
      'satisfaction',
    ]);
  });
});

describe('canSee / canOpen', () => {
  it.each(STAFF_ROLES)(
    'lets %s see and open home, stores, test drives, deliveries, follow-ups, customers and satisfaction',
    (role) => {
      for (const section of [
        'home',
        'stores',
        'test-drives',
        'deliveries',
        'follow-ups',
        'customers',
        'satisfaction',
      ] as const) {
        expect(canSee(role, section)).toBe(true);
        expect(canOpen(role, section)).toBe(true);
      }
    },
  );

  it('hides settings from everyone but admins', () => {
    expect(canSee('consultant', 'settings')).toBe(false);
    expect(canSee('manager', 'settings')).toBe(false);
    expect(canSee('admin', 'settings')).toBe(true);
  });

  it('never opens a section that is not built yet, even for admins', () => {
    expect(canOpen('admin', 'settings')).toBe(false);
  });

  it('agrees with menuFor for every role and section', () => {
    for (const role of STAFF_ROLES) {
      for (const section of SECTIONS) {
        expect(menuFor(role).some((item) => item.key === section)).toBe(canSee(role, section));
      }
    }
  });
});

describe('sectionOfPath', () => {
  it('maps router paths to sections', () => {
    expect(sectionOfPath('/')).toBe('home');
    expect(sectionOfPath('')).toBe('home');
    expect(sectionOfPath('/stores')).toBe('stores');
    expect(sectionOfPath('/stores/3')).toBe('stores');
    expect(sectionOfPath('/settings')).toBe('settings');
    expect(sectionOfPath('/test-drives')).toBe('test-drives');
    expect(sectionOfPath('/deliveries')).toBe('deliveries');
    expect(sectionOfPath('/satisfaction')).toBe('satisfaction');
    expect(sectionOfPath('/follow-ups')).toBe('follow-ups');
    expect(sectionOfPath('/customers/12')).toBe('customers');
    expect(sectionOfPath('/nowhere')).toBeUndefined();
  });

  it('round-trips every section path', () => {
    for (const section of SECTIONS) expect(sectionOfPath(sectionDef(section).path)).toBe(section);
  });
});

describe('canEditTestDrivePolicy', () => {
  it('lets managers and admins change the booking rules; consultants only read them', () => {
    expect(STAFF_ROLES.filter(canEditTestDrivePolicy)).toEqual(['manager', 'admin']);
    expect(canEditTestDrivePolicy('consultant')).toBe(false);
  });
});

describe('satisfaction access', () => {
  it('opens every tab to managers and admins; process audits and message delivery not to consultants', () => {
    expect(satisfactionTabsFor('manager')).toEqual([...SATISFACTION_TABS]);
    expect(satisfactionTabsFor('admin')).toEqual([...SATISFACTION_TABS]);
    expect(SATISFACTION_TABS).toContain('messages');
    expect(satisfactionTabsFor('consultant')).toEqual(['dashboard', 'responses', 'cases', 'templates']);
  });

  it('lets managers and admins edit templates, record audits and assign cases; consultants read', () => {
    for (const rule of [
      canRecordAudits,
      canAssignCases,
      canSeeMessageDelivery,
      canManageFollowUps,
      canReassignProspect,
    ]) {
      expect(STAFF_ROLES.filter(rule)).toEqual(['manager', 'admin']);
    }
    // One survey for the whole group: store managers read the templates, the group admin changes them.
    expect(STAFF_ROLES.filter(canEditSurveyTemplates)).toEqual(['admin']);
  });

  it('lets only admins narrow the figures to one store', () => {
    expect(STAFF_ROLES.filter(canPickSatisfactionStore)).toEqual(['admin']);
  });

  it('lets a consultant work only the cases they own; managers and admins any', () => {
    const mine = { owner: { id: 7 } };
    const theirs = { owner: { id: 8 } };
    const nobody = { owner: null };
    expect(canWorkCase({ id: 7, role: 'consultant' }, mine)).toBe(true);
    expect(canWorkCase({ id: 7, role: 'consultant' }, theirs)).toBe(false);
    expect(canWorkCase({ id: 7, role: 'consultant' }, nobody)).toBe(false);
    expect(canWorkCase({ id: 1, role: 'manager' }, theirs)).toBe(true);
    expect(canWorkCase({ id: 1, role: 'admin' }, nobody)).toBe(true);
  });
});
