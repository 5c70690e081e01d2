import { DEFAULT_DELIVERY_CHECKLISTS } from '@dealer-care/domain';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  canEditChecklists,
  checkTemplates,
  moveItem,
  nextItemKey,
  placeErrors,
  removeItem,
  renameItem,
  sameTemplates,
  toSavedTemplates,
} from './checklist-editor';

const items = [
  { key: 'pdi', label: 'PDI 检测完成' },
  { key: 'plates', label: '车牌已办理' },
  { key: 'cleaning', label: '车辆已清洁' },
];

describe('nextItemKey', () => {
  it('numbers new items item_1, item_2, … past the highest one', () => {
    expect(nextItemKey(items)).toBe('item_1');
    expect(nextItemKey([...items, { key: 'item_1' }])).toBe('item_2');
    expect(nextItemKey([{ key: 'item_7' }, { key: 'item_3' }])).toBe('item_8');
    expect(nextItemKey([])).toBe('item_1');
  });

  it('never reuses the key of an item that was there', () => {
    const once = addItem(items, '新项目');
    const twice = addItem(once, '再一项');
    expect(twice.map((i) => i.key)).toEqual(['pdi', 'plates', 'cleaning', 'item_1', 'item_2']);
    // Removing the last generated item and adding again may give its key back: no order used it yet.
    expect(addItem(removeItem(twice, 4)).at(-1)?.key).toBe('item_2');
  });
});

describe('editing', () => {
  it('renames, removes and moves items, keeping their keys', () => {
    expect(renameItem(items, 1, '上牌完成')[1]).toEqual({ key: 'plates', label: '上牌完成' });
    expect(removeItem(items, 0).map((i) => i.key)).toEqual(['plates', 'cleaning']);
    expect(moveItem(items, 2, -1).map((i) => i.key)).toEqual(['pdi', 'cleaning', 'plates']);
    expect(moveItem(items, 0, 1).map((i) => i.key)).toEqual(['plates', 'pdi', 'cleaning']);
    expect(moveItem(items, 0, -1)).toEqual(items);
    expect(moveItem(items, 2, 1)).toEqual(items);
  });

  it('is for managers and admins', () => {
    expect(canEditChecklists('consultant')).toBe(false);
    expect(canEditChecklists('manager')).toBe(true);
    expect(canEditChecklists('admin')).toBe(true);
  });
});

describe('checking and saving', () => {
  it('accepts the dealership defaults', () => {
    expect(checkTemplates(DEFAULT_DELIVERY_CHECKLISTS)).toEqual([]);
  });

  it('names the empty label, the over-long label and the empty list', () => {
    const errors = checkTemplates({
      ...DEFAULT_DELIVERY_CHECKLISTS,
      pdi: [...items, { key: 'item_1', label: '  ' }],
      handover: [{ key: 'keys', label: '钥'.repeat(41) }],
      bring: [],
    });
    expect(errors.map((e) => e.field)).toEqual(['pdi.3.label', 'handover.0.label', 'bring']);
    expect(placeErrors(errors)).toEqual({
      lists: { bring: ['清单需有1到20项'] },
      items: { pdi: { 3: ['名称需为1到40个字'] }, handover: { 0: ['名称需为1到40个字'] } },
    });
  });

  it('ignores errors of fields it does not know', () => {
    expect(placeErrors([{ field: 'storeId', message: 'x' }])).toEqual({ lists: {}, items: {} });
  });

  it('saves trimmed labels and compares drafts by what would be saved', () => {
    const draft = {
      ...DEFAULT_DELIVERY_CHECKLISTS,
      pdi: renameItem(DEFAULT_DELIVERY_CHECKLISTS.pdi, 0, ' PDI 检测完成 '),
    };
    expect(toSavedTemplates(draft).pdi[0]?.label).toBe('PDI 检测完成');
    expect(sameTemplates(draft, DEFAULT_DELIVERY_CHECKLISTS)).toBe(true);
    expect(sameTemplates({ ...draft, pdi: addItem(draft.pdi, '新增项') }, DEFAULT_DELIVERY_CHECKLISTS)).toBe(
      false,
    );
  });
});
