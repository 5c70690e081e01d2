import { SURVEY_KINDS, SURVEY_KIND_LABEL_ZH, type SurveyKind } from '@dealer-care/domain';
import { DatePicker, Flex, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { canPickSatisfactionStore } from '../../access';
import { lastDays, rangeDays } from './filters';
import type { SatisfactionContext } from './context';

const PRESETS: Array<{ label: string; days: number }> = [
  { label: '近 30 天', days: 30 },
  { label: '近 90 天', days: 90 },
  { label: '近 180 天', days: 180 },
  { label: '近 365 天', days: 365 },
];

interface Props {
  context: SatisfactionContext;
  /** Leave out the survey and period (the case list is about neither). */
  storeOnly?: boolean;
  /** What the tab adds on the right: its own filters and buttons. */
  extra?: ReactNode;
}

/** 问卷类型, 日期范围 and, for admins, 门店: the filters every satisfaction view shares, in the URL. */
export function FilterBar({ context, storeOnly = false, extra }: Props) {
  const { filters, setFilters, stores, staff, today } = context;
  const presets = PRESETS.map(({ label, days }) => {
    const range = lastDays(today, days);
    return { label, value: [dayjs(range.from), dayjs(range.to)] as [Dayjs, Dayjs] };
  });
  return (
    <Flex wrap gap={12} align="center" justify="space-between">
      <Space wrap size={12}>
        {!storeOnly && (
          <Select<SurveyKind>
            aria-label="问卷类型"
            data-testid="satisfaction-kind"
            style={{ minWidth: 180 }}
            value={filters.kind}
            onChange={(kind) => setFilters({ ...filters, kind })}
            options={SURVEY_KINDS.map((kind) => ({ value: kind, label: SURVEY_KIND_LABEL_ZH[kind] }))}
          />
        )}
        {!storeOnly && (
          <Space size={6} data-testid="satisfaction-range">
            <DatePicker.RangePicker
              aria-label="日期范围"
              allowClear={false}
              value={[dayjs(filters.from), dayjs(filters.to)]}
              presets={presets}
              disabledDate={(date) => date.isAfter(dayjs(today), 'day')}
              onChange={(values) => {
                const [from, to] = values ?? [];
                if (from && to) {
                  setFilters({ ...filters, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
                }
              }}
            />
            <Typography.Text type="secondary">共 {rangeDays(filters.from, filters.to)} 天</Typography.Text>
          </Space>
        )}
        {canPickSatisfactionStore(staff.role) && stores.length > 1 && (
          <Select<number | 'all'>
            aria-label="门店"
            data-testid="satisfaction-store"
            style={{ minWidth: 200 }}
            value={filters.storeId ?? 'all'}
            onChange={(value) => setFilters({ ...filters, storeId: value === 'all' ? null : value })}
            options={[
              { value: 'all', label: '全部门店' },
              ...stores.map((store) => ({ value: store.id, label: store.name })),
            ]}
            showSearch={{ optionFilterProp: 'label' }}
          />
        )}
      </Space>
      {extra}
    </Flex>
  );
}
