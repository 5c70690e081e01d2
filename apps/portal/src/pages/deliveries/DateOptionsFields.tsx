import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { StoreOverview } from '@dealer-care/domain';
import { Button, DatePicker, Flex, Form, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  MAX_DATE_OPTIONS,
  OFFER_MINUTE_STEP,
  disabledTimeOn,
  isOfferableDate,
  openHalfHours,
} from './offer-form';

interface Props {
  store: StoreOverview;
  /** Store-local today. */
  today: string;
}

/**
 * Inside a form with an `options` list of { date, time } rows: one to three delivery times: a date (open days only) and a time at half-hour steps within the
 * store's opening hours. Rows are labelled 日期 1 / 时间 1 … so they are easy to find.
 */
export function DateOptionsFields({ store, today }: Props) {
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: (_, rows: unknown[] | undefined) =>
            rows && rows.length >= 1 && rows.length <= MAX_DATE_OPTIONS
              ? Promise.resolve()
              : Promise.reject(new Error(`请提供1到${MAX_DATE_OPTIONS}个交车时间`)),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={0}>
          <Typography.Text strong style={{ marginBottom: 8 }}>
            可选交车时间（客户从中选择一个，门店当地时间）
          </Typography.Text>
          {fields.map((field, index) => (
            <OptionRow
              key={field.key}
              store={store}
              today={today}
              name={field.name}
              index={index}
              onRemove={fields.length > 1 ? () => remove(field.name) : undefined}
            />
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_DATE_OPTIONS && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              style={{ alignSelf: 'flex-start', marginBottom: 16 }}
            >
              再加一个时间
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
}

function OptionRow(props: {
  store: StoreOverview;
  today: string;
  name: number;
  index: number;
  onRemove?: () => void;
}) {
  const { store, today, name, index } = props;
  const form = Form.useFormInstance();
  const date = Form.useWatch(['options', name, 'date'], form) as Dayjs | null | undefined;
  const open = date ? openHalfHours(store, date.format('YYYY-MM-DD')) : [];
  const disabled = disabledTimeOn(open);
  const n = index + 1;

  return (
    <Flex gap={8} align="flex-start" wrap>
      <Form.Item
        label={`日期 ${n}`}
        name={[name, 'date']}
        rules={[{ required: true, message: '请选择日期' }]}
        style={{ flex: '1 1 180px' }}
      >
        <DatePicker
          style={{ width: '100%' }}
          // Shown with the weekday; typed as 2026-11-28 too.
          format={['YYYY-MM-DD dddd', 'YYYY-MM-DD']}
          disabledDate={(day) => !isOfferableDate(store, day.format('YYYY-MM-DD'), today)}
          onChange={() => form.setFields([{ name: ['options', name, 'time'], errors: [] }])}
        />
      </Form.Item>
      <Form.Item
        label={`时间 ${n}`}
        name={[name, 'time']}
        rules={[{ required: true, message: '请选择时间' }]}
        style={{ flex: '1 1 140px' }}
      >
        <TimePicker
          style={{ width: '100%' }}
          format="HH:mm"
          minuteStep={OFFER_MINUTE_STEP}
          showNow={false}
          needConfirm={false}
          hideDisabledOptions
          disabledTime={() => (date ? disabled : {})}
        />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button
          aria-label={`删除第 ${n} 个时间`}
          icon={<DeleteOutlined />}
          disabled={!props.onRemove}
          onClick={props.onRemove}
        />
      </Form.Item>
    </Flex>
  );
}
