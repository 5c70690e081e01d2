import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CHECKLIST_KINDS,
  CHECKLIST_KIND_LABEL_ZH,
  type ChecklistKind,
  type DeliveryChecklistTemplates,
  type StaffUser,
  type StoreOverview,
} from '@dealer-care/domain';
import { Alert, Badge, Button, Drawer, Flex, Input, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../components/feedback';
import { problemOf, problemText } from '../../errors';
import {
  MAX_CHECKLIST_ITEMS,
  MAX_CHECKLIST_LABEL_LENGTH,
  addItem,
  canEditChecklists,
  checkTemplates,
  moveItem,
  placeErrors,
  removeItem,
  renameItem,
  sameTemplates,
  toSavedTemplates,
  type ItemErrors,
} from './checklist-editor';
import { useChecklistTemplates, useSaveChecklists } from './queries';

interface Props {
  open: boolean;
  store: StoreOverview;
  staff: StaffUser;
  onClose: () => void;
}

const KIND_HINT: Record<ChecklistKind, string> = {
  pdi: '车辆备妥前需全部完成的检查项。',
  handover: '交车当天与客户逐项核对并签字的交接单。',
  bring: '提醒客户提车时携带的资料，显示在小程序中。',
};

/** 交车清单设置: the store's PDI, handover and bring lists; managers and admins edit them. */
export function ChecklistSettingsDrawer({ open, store, staff, onClose }: Props) {
  const editable = canEditChecklists(staff.role);
  return (
    <Drawer open={open} onClose={onClose} size={560} title="交车清单设置" destroyOnHidden>
      {open && <ChecklistSettings store={store} editable={editable} onClose={onClose} />}
    </Drawer>
  );
}

function ChecklistSettings({
  store,
  editable,
  onClose,
}: {
  store: StoreOverview;
  editable: boolean;
  onClose: () => void;
}) {
  const query = useChecklistTemplates(store.id);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError) return <Alert type="error" showIcon title={problemText(query.error)} />;
  return <Editor key={store.id} saved={query.data} store={store} editable={editable} onClose={onClose} />;
}

function Editor(props: {
  saved: DeliveryChecklistTemplates;
  store: StoreOverview;
  editable: boolean;
  onClose: () => void;
}) {
  const { saved, store, editable } = props;
  const { message } = useFeedback();
  const save = useSaveChecklists(store.id);
  const [draft, setDraft] = useState<DeliveryChecklistTemplates>(saved);
  const [errors, setErrors] = useState<ItemErrors>({ lists: {}, items: {} });
  const [failure, setFailure] = useState<unknown>(null);
  const dirty = !sameTemplates(draft, saved);

  const change = (kind: ChecklistKind, items: DeliveryChecklistTemplates[ChecklistKind]) => {
    setDraft((previous) => ({ ...previous, [kind]: items }));
    setErrors({ lists: {}, items: {} });
  };

  const submit = () => {
    setFailure(null);
    const local = checkTemplates(draft);
    if (local.length > 0) {
      setErrors(placeErrors(local));
      return;
    }
    save.mutate(toSavedTemplates(draft), {
      onSuccess: (next) => {
        setDraft(next);
        message.success('交车清单已保存，之后新建的订单将使用新清单');
      },
      onError: (error) => {
        const placed = placeErrors(problemOf(error).errors ?? []);
        setErrors(placed);
        setFailure(error);
      },
    });
  };

  const errorCount = (kind: ChecklistKind) =>
    (errors.lists[kind]?.length ?? 0) + Object.keys(errors.items[kind] ?? {}).length;

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {store.name}的交车清单。修改只影响之后新建的订单，已有订单保留创建时的清单。
        {!editable && '（仅门店经理可修改）'}
      </Typography.Text>
      <Tabs
        items={CHECKLIST_KINDS.map((kind) => ({
          key: kind,
          label: (
            <Badge dot={errorCount(kind) > 0} offset={[6, 0]}>
              {CHECKLIST_KIND_LABEL_ZH[kind]}
            </Badge>
          ),
          children: (
            <ListEditor
              kind={kind}
              items={draft[kind]}
              editable={editable}
              errors={errors}
              onChange={(items) => change(kind, items)}
            />
          ),
        }))}
      />
      {failure && !Object.keys(errors.items).length && !Object.keys(errors.lists).length ? (
        <Alert type="error" showIcon title={problemText(failure)} />
      ) : null}
      {editable && (
        <Flex justify="flex-end" gap={8}>
          <Button disabled={!dirty || save.isPending} onClick={() => setDraft(saved)}>
            还原
          </Button>
          <Button
            type="primary"
            data-testid="save-checklists"
            disabled={!dirty || save.isPending}
            aria-busy={save.isPending}
            onClick={submit}
          >
            保存清单
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

function ListEditor(props: {
  kind: ChecklistKind;
  items: DeliveryChecklistTemplates[ChecklistKind];
  editable: boolean;
  errors: ItemErrors;
  onChange: (items: DeliveryChecklistTemplates[ChecklistKind]) => void;
}) {
  const { kind, items, editable, errors, onChange } = props;
  return (
    <Flex vertical gap={8} data-testid={`checklist-editor-${kind}`}>
      <Typography.Text type="secondary">{KIND_HINT[kind]}</Typography.Text>
      {errors.lists[kind]?.map((text) => (
        <Alert key={text} type="error" showIcon title={text} />
      ))}
      {items.map((item, index) => {
        const itemErrors = errors.items[kind]?.[index];
        return (
          <Flex key={item.key} vertical gap={2}>
            <Flex gap={6} align="center">
              <Typography.Text type="secondary" style={{ width: 20, textAlign: 'right', flex: 'none' }}>
                {index + 1}
              </Typography.Text>
              {editable ? (
                <Input
                  aria-label={`${CHECKLIST_KIND_LABEL_ZH[kind]} 第${index + 1}项`}
                  value={item.label}
                  maxLength={MAX_CHECKLIST_LABEL_LENGTH}
                  showCount
                  status={itemErrors ? 'error' : undefined}
                  onChange={(event) => onChange(renameItem(items, index, event.target.value))}
                />
              ) : (
                <Typography.Text style={{ flex: 1 }}>{item.label}</Typography.Text>
              )}
              {editable && (
                <>
                  <Button
                    aria-label="上移"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => onChange(moveItem(items, index, -1))}
                  />
                  <Button
                    aria-label="下移"
                    icon={<ArrowDownOutlined />}
                    disabled={index === items.length - 1}
                    onClick={() => onChange(moveItem(items, index, 1))}
                  />
                  <Button
                    aria-label="删除"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={items.length <= 1}
                    onClick={() => onChange(removeItem(items, index))}
                  />
                </>
              )}
            </Flex>
            {itemErrors?.map((text) => (
              <Typography.Text key={text} type="danger" style={{ fontSize: 12, paddingInlineStart: 26 }}>
                {text}
              </Typography.Text>
            ))}
          </Flex>
        );
      })}
      {editable && (
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          disabled={items.length >= MAX_CHECKLIST_ITEMS}
          onClick={() => onChange(addItem(items))}
        >
          添加一项
        </Button>
      )}
    </Flex>
  );
}
