import { describe, expect, it } from '@jest/globals';
import type { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { toInvitationListItem } from './survey.mapper.js';

/** A held test-drive invitation as TypeORM hydrates it. */
function row(overrides: Partial<SurveyInvitationEntity> = {}): SurveyInvitationEntity {
  return {
    id: 7,
    kind: 'test_drive_feedback',
    templateId: 1,
    eventType: 'test_drive_completed',
    eventId: 70,
    storeId: 2,
    consultantId: 5,
    customerId: 9,
    customerName: '王芳',
    customerMobile: '13712341000',
    subject: '试驾 云岚 星河 · 11月20日 · 星河汽车城店',
    status: 'held',
    holdReason: 'contact_budget',
    sendAt: new Date('2026-11-20T06:00:00.000Z'),
    nextCheckAt: new Date('2026-11-27T02:00:00.000Z'),
    sentAt: null,
    remindedAt: null,
    openedAt: null,
    startedAt: null,
    completedAt: null,
    expiresAt: null,
    answers: {},
    answeredCount: 0,
    questionCount: 9,
    createdAt: new Date('2026-11-20T06:00:00.000Z'),
    updatedAt: new Date('2026-11-20T06:00:00.000Z'),
    ...overrides,
  } as SurveyInvitationEntity;
}

const names = { storeName: '星河汽车城店', consultantName: '陈晓明' };

describe('toInvitationListItem', () => {
  it('lists a held invitation with its reason, its next attempt and a masked mobile', () => {
    expect(toInvitationListItem(row(), names)).toEqual({
      id: 7,
      kind: 'test_drive_feedback',
      storeId: 2,
      storeName: '星河汽车城店',
      customerName: '王芳',
      mobileMasked: '137****1000',
      subject: '试驾 云岚 星河 · 11月20日 · 星河汽车城店',
      consultantName: '陈晓明',
      status: 'held',
      holdReason: 'contact_budget',
      sendAt: '2026-11-20T06:00:00.000Z',
      nextCheckAt: '2026-11-27T02:00:00.000Z',
      sentAt: null,
      remindedAt: null,
      openedAt: null,
      completedAt: null,
      expiresAt: null,
      createdAt: '2026-11-20T06:00:00.000Z',
    });
  });

  it('keeps the reason of a dropped one, without a next attempt', () => {
    const item = toInvitationListItem(
      row({ status: 'dropped', holdReason: 'held_too_long', nextCheckAt: null }),
      names,
    );
    expect(item).toMatchObject({ status: 'dropped', holdReason: 'held_too_long', nextCheckAt: null });
  });

  it('shows no reason and no next attempt once sent: the dispatcher’s reminder check is not an attempt', () => {
    const item = toInvitationListItem(
      row({
        status: 'sent',
        holdReason: 'contact_budget',
        sentAt: new Date('2026-11-27T02:00:00.000Z'),
        expiresAt: new Date('2026-12-11T02:00:00.000Z'),
        nextCheckAt: new Date('2026-11-30T02:00:00.000Z'),
      }),
      { storeName: '星河汽车城店', consultantName: null },
    );
    expect(item).toMatchObject({
      status: 'sent',
      holdReason: null,
      nextCheckAt: null,
      consultantName: null,
      sentAt: '2026-11-27T02:00:00.000Z',
      expiresAt: '2026-12-11T02:00:00.000Z',
    });
  });

  it('gives a scheduled one its send time as the next attempt', () => {
    const item = toInvitationListItem(
      row({ status: 'scheduled', holdReason: null, nextCheckAt: new Date('2026-11-21T02:00:00.000Z') }),
      names,
    );
    expect(item.nextCheckAt).toBe('2026-11-21T02:00:00.000Z');
  });
});
