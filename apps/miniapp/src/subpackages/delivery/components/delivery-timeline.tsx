import {
  DELIVERY_ACTION_LABEL_ZH,
  DELIVERY_STATUS_LABEL_ZH,
  type DeliveryTimelineEntry,
} from '@dealer-care/domain';
import Timeline, { type TimelineEntry } from '../../../components/timeline';

// The wording is the customer's own ("我"); the portal words the same timeline for the store.

/** Who did it, as the customer reads it. */
function timelineActor(entry: Pick<DeliveryTimelineEntry, 'actor' | 'actorName'>): string {
  return entry.actor === 'customer' ? '我' : (entry.actorName ?? '门店');
}

function timelineTitle(entry: Pick<DeliveryTimelineEntry, 'action'>): string {
  return entry.action === 'create' ? '创建订单' : (DELIVERY_ACTION_LABEL_ZH[entry.action] ?? entry.action);
}

function toEntry(entry: DeliveryTimelineEntry): TimelineEntry {
  return {
    at: entry.at,
    title: timelineTitle(entry),
    who: timelineActor(entry),
    status:
      entry.fromStatus !== entry.toStatus
        ? (DELIVERY_STATUS_LABEL_ZH[entry.toStatus] ?? entry.toStatus)
        : null,
    note: entry.note,
  };
}

interface DeliveryTimelineProps {
  entries: DeliveryTimelineEntry[];
  timeZone: string;
}

/** Every step of an order, newest first: when, who, what, the status it led to and the note given. */
export default function DeliveryTimeline({ entries, timeZone }: DeliveryTimelineProps) {
  const list = [...entries].sort((a, b) => b.at.localeCompare(a.at)).map(toEntry);
  return <Timeline entries={list} timeZone={timeZone} testId="delivery-timeline" />;
}
