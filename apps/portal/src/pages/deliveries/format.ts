import {
  DELIVERY_ACTION_LABEL_ZH,
  DELIVERY_STATUS_LABEL_ZH,
  type DeliveryDateOption,
  type DeliveryStatus,
  type DeliveryTimelineEntry,
  type SalesOrder,
} from '@dealer-care/domain';
import type { HistoryItem } from '../../components/HistoryTimeline';
import { dateLabel, localDateTime } from '../test-drives/time';

/** Status tag colours: what needs the consultant stands out, what is over fades. */
export const STATUS_COLOR: Record<DeliveryStatus, string> = {
  scheduling: 'gold',
  date_confirmed: 'blue',
  ready: 'cyan',
  delivered: 'green',
  cancelled: 'default',
};

/** "11月25日 周三 10:00": a date option is already store-local. */
export function optionLabel(option: Pick<DeliveryDateOption, 'localDate' | 'localTime'>): string {
  return `${dateLabel(option.localDate)} ${option.localTime}`;
}

/** "11月25日 – 12月5日", the promised delivery window. */
export function promisedLabel(order: Pick<SalesOrder, 'promisedFrom' | 'promisedTo'>): string {
  const short = (date: string) => {
    const [, m, d] = date.split('-').map(Number) as [number, number, number];
    return `${m}月${d}日`;
  };
  return order.promisedFrom === order.promisedTo
    ? short(order.promisedFrom)
    : `${short(order.promisedFrom)} – ${short(order.promisedTo)}`;
}

/** "云岚 S7 · 长续航版 · 星河蓝". */
export function carLabel(order: Pick<SalesOrder, 'model' | 'trim' | 'colour'>): string {
  return [order.model.name, order.trim, order.colour].filter(Boolean).join(' · ');
}

/** Timeline wording where the action's own label reads badly as a past event. */
const TIMELINE_ACTION_ZH: Partial<Record<DeliveryTimelineEntry['action'], string>> = {
  confirm_attendance: '确认按时到店',
  record_call: '登记电话确认',
  mark_ready: '标记车辆备妥',
  declare_delay: '登记交车延期',
};

/** An event of the order's history: "客户 选择交车时间", "待定交车时间 → 交车时间已确认". */
export interface TimelineItem extends HistoryItem<DeliveryStatus> {
  note: string | null;
}

function actionOf(entry: DeliveryTimelineEntry): string {
  if (entry.action === 'create') return '创建订单';
  return TIMELINE_ACTION_ZH[entry.action] ?? DELIVERY_ACTION_LABEL_ZH[entry.action];
}

function actorOf(entry: DeliveryTimelineEntry): string {
  return entry.actor === 'customer' ? '客户' : (entry.actorName ?? '门店');
}

/** The order's history, oldest first, in words. */
export function timelineItems(order: Pick<SalesOrder, 'timeline'>, timeZone: string): TimelineItem[] {
  return [...order.timeline]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.index - b.index)
    .map(({ entry, index }) => ({
      key: `${index}:${entry.at}`,
      at: localDateTime(entry.at, timeZone),
      title: `${actorOf(entry)} ${actionOf(entry)}`,
      transition:
        entry.fromStatus === null || entry.fromStatus === entry.toStatus
          ? DELIVERY_STATUS_LABEL_ZH[entry.toStatus]
          : `${DELIVERY_STATUS_LABEL_ZH[entry.fromStatus]} → ${DELIVERY_STATUS_LABEL_ZH[entry.toStatus]}`,
      note: entry.note,
      status: entry.toStatus,
    }));
}
