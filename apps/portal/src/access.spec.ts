import { STAFF_ROLES, type StaffRole } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  SECTIONS,
  canEditTestDrivePolicy,
  canOpen,
  canSee,
  menuFor,
  sectionDef,
  sectionOfPath,
} from './access';

const keys = (role: StaffRole) => menuFor(role).map((item) => item.key);

describe('menuFor', () => {
  it('gives consultants the daily sections only', () => {
    expect(keys('consultant')).toEqual(['home', 'stores', 'test-drives', 'deliveries', 'follow-ups']);
  });

  it('adds satisfaction for managers', () => {
    expect(keys('manager')).toEqual([
      'home',
      'stores',
      'test-drives',
      'deliveries',
      'follow-ups',
      'satisfaction',
    ]);
  });

  it('gives admins every section, in menu order', () => {
    expect(keys('admin')).toEqual([...SECTIONS]);
  });

  it('labels every item in Chinese and marks home, stores, test drives and deliveries as built', () => {
    const admin = menuFor('admin');
    expect(admin.map((item) => item.label)).toEqual([
      '工作台',
      '门店',
      '试驾预约',
      '交车管理',
      '回访任务',
      '满意度',
      '设置',
    ]);
    expect(admin.filter((item) => item.available).map((item) => item.key)).toEqual([
      'home',
      'stores',
      'test-drives',
      'deliveries',
    ]);
  });
});

describe('canSee / canOpen', () => {
  it.each(STAFF_ROLES)('lets %s see and open home, stores, test drives and deliveries', (role) => {
    for (const section of ['home', 'stores', 'test-drives', 'deliveries'] as const) {
      expect(canSee(role, section)).toBe(true);
      expect(canOpen(role, section)).toBe(true);
    }
  });

  it('hides satisfaction from consultants and settings from everyone but admins', () => {
    expect(canSee('consultant', 'satisfaction')).toBe(false);
    expect(canSee('manager', 'satisfaction')).toBe(true);
    expect(canSee('consultant', 'settings')).toBe(false);
    expect(canSee('manager', 'settings')).toBe(false);
    expect(canSee('admin', 'settings')).toBe(true);
  });

  it('never opens a section that is not built yet, even for admins', () => {
    for (const section of ['follow-ups', 'satisfaction', 'settings'] as const) {
      expect(canOpen('admin', section)).toBe(false);
    }
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
