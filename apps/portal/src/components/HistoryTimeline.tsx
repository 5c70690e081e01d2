import { Divider, Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';

/** One event of a record's history, in words. */
export interface HistoryItem<S extends string> {
  key: string;
  /** "11月25日 10:00" in the store's zone. */
  at: string;
  /** Who did what: "客户 选择交车时间", "陈晓明 确认". */
  title: string;
  /** "待确认 → 已确认", or the status when it did not change. */
  transition: string;
  /** The status the record was left in, which colours the event. */
  status: S;
}

interface Props<S extends string, T extends HistoryItem<S>> {
  items: readonly T[];
  colors: Record<S, string>;
  /** What an event adds below its time: a note, a new time. */
  details: (item: T) => ReactNode;
}

/** 记录: a record's history in a drawer, oldest first. */
export function HistoryTimeline<S extends string, T extends HistoryItem<S>>({
  items,
  colors,
  details,
}: Props<S, T>) {
  return (
    <>
      <Divider titlePlacement="start" style={{ margin: 0 }}>
        记录
      </Divider>
      <Timeline
        items={items.map((item) => ({
          key: item.key,
          color: colors[item.status],
          content: (
            <Flex vertical>
              <Typography.Text>
                <Typography.Text strong>{item.title}</Typography.Text>
                <Typography.Text type="secondary"> · {item.transition}</Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.at}
              </Typography.Text>
              {details(item)}
            </Flex>
          ),
        }))}
      />
    </>
  );
}
