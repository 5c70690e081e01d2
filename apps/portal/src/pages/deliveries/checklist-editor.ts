import {
  CHECKLIST_KINDS,
  MAX_CHECKLIST_ITEMS,
  MAX_CHECKLIST_LABEL_LENGTH,
  validateChecklistTemplate,
  type ChecklistItemTemplate,
  type ChecklistKind,
  type DeliveryChecklistTemplates,
  type FieldError,
  type StaffRole,
} from '@dealer-care/domain';

export { MAX_CHECKLIST_ITEMS, MAX_CHECKLIST_LABEL_LENGTH };

/** Managers and admins edit a store's delivery checklists; consultants read them. */
export function canEditChecklists(role: StaffRole): boolean {
  return role === 'manager' || role === 'admin';
}

const GENERATED_KEY = /^item_(\d+)$/;

/**
 * A key for a new item: `item_<n>`, one past the highest such key in the list. Existing items
 * keep their keys, so orders created earlier still match their ticks.
 */
export function nextItemKey(items: readonly Pick<ChecklistItemTemplate, 'key'>[]): string {
  const keys = new Set(items.map((item) => item.key));
  let n = 1;
  for (const { key } of items) {
    const match = GENERATED_KEY.exec(key);
    if (match) n = Math.max(n, Number(match[1]) + 1);
  }
  while (keys.has(`item_${n}`)) n += 1;
  return `item_${n}`;
}

export function addItem(items: readonly ChecklistItemTemplate[], label = ''): ChecklistItemTemplate[] {
  return [...items, { key: nextItemKey(items), label }];
}

export function removeItem(items: readonly ChecklistItemTemplate[], index: number): ChecklistItemTemplate[] {
  return items.filter((_, i) => i !== index);
}

export function renameItem(
  items: readonly ChecklistItemTemplate[],
  index: number,
  label: string,
): ChecklistItemTemplate[] {
  return items.map((item, i) => (i === index ? { ...item, label } : item));
}

/** Moves an item one place up (-1) or down (+1); out of range leaves the list as it is. */
export function moveItem(
  items: readonly ChecklistItemTemplate[],
  index: number,
  delta: -1 | 1,
): ChecklistItemTemplate[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** What is saved: labels trimmed. */
export function toSavedTemplates(templates: DeliveryChecklistTemplates): DeliveryChecklistTemplates {
  const saved = {} as DeliveryChecklistTemplates;
  for (const kind of CHECKLIST_KINDS) {
    saved[kind] = templates[kind].map(({ key, label }) => ({ key, label: label.trim() }));
  }
  return saved;
}

/** The domain's checks on each list, with fields like `pdi.2.label` (as the server names them). */
export function checkTemplates(templates: DeliveryChecklistTemplates): FieldError[] {
  return CHECKLIST_KINDS.flatMap((kind) => validateChecklistTemplate(templates[kind], kind));
}

export interface ItemErrors {
  /** Errors of a whole list ("清单需有1到20项"). */
  lists: Partial<Record<ChecklistKind, string[]>>;
  /** Errors of one item, by list and index. */
  items: Partial<Record<ChecklistKind, Record<number, string[]>>>;
}

/** Field errors (ours or the server's) placed on their list and item. */
export function placeErrors(errors: readonly FieldError[]): ItemErrors {
  const placed: ItemErrors = { lists: {}, items: {} };
  for (const { field, message } of errors) {
    const match = /^(pdi|handover|bring)(?:\.(\d+)(?:\.\w+)?)?$/.exec(field);
    if (!match) continue;
    const kind = match[1] as ChecklistKind;
    if (match[2] === undefined) {
      (placed.lists[kind] ??= []).push(message);
    } else {
      const byIndex = (placed.items[kind] ??= {});
      (byIndex[Number(match[2])] ??= []).push(message);
    }
  }
  return placed;
}

export function sameTemplates(a: DeliveryChecklistTemplates, b: DeliveryChecklistTemplates): boolean {
  return JSON.stringify(toSavedTemplates(a)) === JSON.stringify(toSavedTemplates(b));
}
