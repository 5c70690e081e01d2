import { describe, expect, it } from '@jest/globals';
import { SUBSCRIPTION_MOMENTS } from '../follow-up/follow-up-views.js';
import {
  DEFAULT_SUBSCRIBE_TEMPLATES,
  formatSubscribeValue,
  knownTemplateIds,
  subscribeMessageData,
  subscriptionTemplateIds,
} from './subscribe-message.js';

describe('formatSubscribeValue', () => {
  it('cuts thing values to 20 characters and never leaves them empty', () => {
    const long = '因台风影响物流，车辆预计晚到三天，给您带来不便深表歉意';
    expect(Array.from(formatSubscribeValue('thing3', long))).toHaveLength(20);
    expect(formatSubscribeValue('thing5', '   ')).toBe('无');
  });

  it('keeps one valid time for time and date fields', () => {
    expect(formatSubscribeValue('time2', '2026-11-25 10:30；2026-11-26 14:00')).toBe('2026-11-25 10:30');
    expect(formatSubscribeValue('date4', '2026-11-25')).toBe('2026-11-25');
  });

  it('keeps at most 5 Chinese characters in a phrase', () => {
    expect(formatSubscribeValue('phrase1', '试驾预约已确认')).toBe('试驾预约已');
    expect(formatSubscribeValue('phrase1', 'OK 已确认!')).toBe('已确认');
    expect(formatSubscribeValue('phrase1', 'OK')).toBe('无');
  });

  it('cuts names to 10 characters', () => {
    expect(Array.from(formatSubscribeValue('name1', '欧阳娜娜欧阳娜娜欧阳娜娜'))).toHaveLength(10);
  });

  it('keeps only printable ASCII, at most 32, in a character_string', () => {
    expect(formatSubscribeValue('character_string7', '订单 TD8K2M4Q')).toBe('TD8K2M4Q');
    expect(formatSubscribeValue('character_string7', 'x'.repeat(40))).toHaveLength(32);
    expect(formatSubscribeValue('character_string7', '中文')).toBe('-');
  });
});

describe('subscribeMessageData', () => {
  it('fills every field of the template from the message, the kind label as the status', () => {
    const data = subscribeMessageData(
      DEFAULT_SUBSCRIBE_TEMPLATES.test_drive_rejected,
      'test_drive_rejected',
      {
        subject: '试驾 云岚 星河 (TD8K2M4Q)',
        storeName: '云岚汽车上海浦东店',
        time: '2026-11-25 10:30',
        remark: '',
      },
    );
    expect(data).toEqual({
      thing1: { value: '试驾 云岚 星河 (TD8K2M4Q)' },
      thing2: { value: '云岚汽车上海浦东店' },
      time3: { value: '2026-11-25 10:30' },
      thing4: { value: '试驾预约未能安排' },
      thing5: { value: '无' },
    });
  });
});

describe('subscriptionTemplateIds', () => {
  it('asks for the distinct templates of a moment, at most three', () => {
    expect(subscriptionTemplateIds(DEFAULT_SUBSCRIBE_TEMPLATES, 'booking')).toEqual([
      'tmpl_test_drive_result',
      'tmpl_test_drive_time_change',
    ]);
    const many = Object.fromEntries(
      Object.entries(DEFAULT_SUBSCRIBE_TEMPLATES).map(([kind, t]) => [
        kind,
        { ...t, templateId: `t_${kind}` },
      ]),
    ) as typeof DEFAULT_SUBSCRIBE_TEMPLATES;
    for (const moment of SUBSCRIPTION_MOMENTS) {
      expect(subscriptionTemplateIds(many, moment).length).toBeLessThanOrEqual(3);
    }
    expect(subscriptionTemplateIds(many, 'booking')).toEqual([
      't_test_drive_confirmed',
      't_test_drive_rejected',
      't_test_drive_time_proposed',
    ]);
  });

  it('knows every template id in use', () => {
    expect([...knownTemplateIds(DEFAULT_SUBSCRIBE_TEMPLATES)].sort()).toEqual([
      'tmpl_delivery_progress',
      'tmpl_service_survey',
      'tmpl_test_drive_result',
      'tmpl_test_drive_time_change',
    ]);
  });
});
