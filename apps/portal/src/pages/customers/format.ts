import {
  INTENT_LEVEL_LABEL_ZH,
  type IntentLevel,
  type ProspectStatus,
  type TimelineEntryType,
} from '@dealer-care/domain';

export const INTENT_COLOR: Record<IntentLevel, string> = { H: 'red', A: 'volcano', B: 'gold', C: 'blue' };

export const PROSPECT_STATUS_COLOR: Record<ProspectStatus, string> = {
  active: 'processing',
  won: 'success',
  lost: 'default',
};

/** "H级", the level alone for tags and tables; the full label says what it means. */
export function intentShort(level: IntentLevel | null): string {
  return level === null ? '未评级' : `${level}级`;
}

/** "H级（7天内购车）", or 未评级. */
export function intentLong(level: IntentLevel | null): string {
  return level === null ? '未评级' : INTENT_LEVEL_LABEL_ZH[level];
}

export { TIMELINE_ENTRY_TYPE_LABEL_ZH as TIMELINE_TYPE_LABEL_ZH } from '@dealer-care/domain';

export const TIMELINE_TYPE_COLOR: Record<TimelineEntryType, string> = {
  contact: 'blue',
  intent: 'orange',
  test_drive: 'cyan',
  order: 'green',
  delivery: 'green',
  task: 'purple',
  survey: 'gold',
  lost: 'gray',
};

/** "tel:13800138000": the number with only what a dialler reads. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
