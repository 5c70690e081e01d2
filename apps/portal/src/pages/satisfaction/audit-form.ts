import {
  normaliseWeights,
  type AuditGroup,
  type AuditMarks,
  type AuditTemplate,
  type CreateAuditRequest,
  type NormalisedWeight,
  type StaffUser,
} from '@dealer-care/domain';

export type AuditorKind = CreateAuditRequest['auditorKind'];

export const AUDITOR_KIND_LABEL_ZH: Record<AuditorKind, string> = {
  manager: '门店经理',
  mystery_shopper: '神秘顾客',
};

/** An item's mark in the form: 是, 否, 不适用, or not marked yet (left out of the sheet). */
export type MarkChoice = 'yes' | 'no' | 'na';

export const MARK_CHOICE_LABEL_ZH: Record<MarkChoice, string> = { yes: '是', no: '否', na: '不适用' };

export function choiceOf(mark: boolean | null | undefined): MarkChoice | undefined {
  if (mark === undefined) return undefined;
  return mark === null ? 'na' : mark ? 'yes' : 'no';
}

export function markOf(choice: MarkChoice): boolean | null {
  return choice === 'na' ? null : choice === 'yes';
}

export function setMark(marks: AuditMarks, key: string, choice: MarkChoice | undefined): AuditMarks {
  const next = { ...marks };
  if (choice === undefined) delete next[key];
  else next[key] = markOf(choice);
  return next;
}

/** Marks every item of a group the same. */
export function setGroupMarks(
  marks: AuditMarks,
  group: Pick<AuditGroup, 'items'>,
  choice: MarkChoice,
): AuditMarks {
  const next = { ...marks };
  for (const item of group.items) next[item.key] = markOf(choice);
  return next;
}

export interface AuditWeights {
  /** By step key. */
  steps: Record<string, NormalisedWeight>;
  /** By `<step>/<group>`. */
  groups: Record<string, NormalisedWeight>;
}

export const groupKey = (step: string, group: string) => `${step}/${group}`;

/**
 * The weights the score uses: each step's share of the audit and each group's share of its step,
 * after the standard's unweighted rows are filled in and the rest normalised to 100, with the note
 * saying what was done.
 */
export function auditWeights(template: AuditTemplate): AuditWeights {
  const steps: Record<string, NormalisedWeight> = {};
  for (const weight of normaliseWeights(
    template.steps.map((s) => ({ key: s.key, publishedWeight: s.publishedWeight })),
  )) {
    steps[weight.key] = weight;
  }
  const groups: Record<string, NormalisedWeight> = {};
  for (const step of template.steps) {
    for (const weight of normaliseWeights(
      step.groups.map((g) => ({ key: g.key, publishedWeight: g.publishedWeight })),
    )) {
      groups[groupKey(step.key, weight.key)] = weight;
    }
  }
  return { steps, groups };
}

/** "12.5%": a normalised weight, one decimal at most. */
export function weightText(weight: number): string {
  return `${Math.round(weight * 10) / 10}%`;
}

/** "原表 5%", "原表未给权重": what the standard published. */
export function publishedText(published: number | null): string {
  return published === null ? '原表未给权重' : `原表 ${Math.round(published * 10) / 10}%`;
}

/**
 * What was done to a published weight, for the line beside a step: the note alone when the
 * standard gave none (it says so), else the published figure and the note.
 */
export function weightNote(published: number | null, note: string | null): string | null {
  if (note === null) return null;
  return published === null ? note : `${publishedText(published)}；${note}`;
}

/** Marked items of the template, and of them the ones marked 是 / 否 / 不适用. */
export function markProgress(
  template: AuditTemplate,
  marks: AuditMarks,
): { total: number; marked: number; yes: number; no: number; na: number } {
  const progress = { total: 0, marked: 0, yes: 0, no: 0, na: 0 };
  for (const step of template.steps) {
    for (const group of step.groups) {
      for (const item of group.items) {
        progress.total += 1;
        const mark = marks[item.key];
        if (mark === undefined) continue;
        progress.marked += 1;
        if (mark === null) progress.na += 1;
        else if (mark) progress.yes += 1;
        else progress.no += 1;
      }
    }
  }
  return progress;
}

export interface AuditFormValues {
  consultantId: number;
  auditorKind: AuditorKind;
  note?: string;
}

/** The request for the sheet: only the marked items; an empty note left out. */
export function toCreateAuditRequest(values: AuditFormValues, marks: AuditMarks): CreateAuditRequest {
  const note = values.note?.trim();
  return {
    consultantId: values.consultantId,
    auditorKind: values.auditorKind,
    marks: { ...marks },
    ...(note ? { note } : {}),
  };
}

/** The consultants an audit can be about: active ones, grouped by store for admins. */
export function consultantChoices(
  users: readonly StaffUser[],
  storeNames: ReadonlyMap<number, string>,
): Array<{ value: number; label: string; storeId: number }> {
  return users
    .filter((u) => u.active && u.role === 'consultant' && u.storeId !== null)
    .sort((a, b) => a.storeId! - b.storeId! || a.displayName.localeCompare(b.displayName, 'zh-CN'))
    .map((u) => {
      const store = storeNames.get(u.storeId!);
      return {
        value: u.id,
        label: storeNames.size > 1 && store ? `${u.displayName} · ${store}` : u.displayName,
        storeId: u.storeId!,
      };
    });
}
