import type { FormInstance } from 'antd';
import {
  INTENT_LEVELS,
  MOBILE_INVALID_MESSAGE,
  PROSPECT_STATUSES,
  isMainlandMobile,
  normalizeMobile,
  type ContactChannel,
  type IntentLevel,
  type LogContactRequest,
  type LostReasonCategory,
  type MarkProspectLostRequest,
  type ProspectStatus,
  type ProspectsQuery,
  type RegisterContactRequest,
  type StaffRole,
  type StaffUser,
  type UpdateProspectRequest,
  type CustomerStyle,
} from '@dealer-care/domain';
import { canReassignProspect } from '../../access';
import { idParam } from '../satisfaction/filters';

export const PROSPECTS_PAGE_SIZE = 20;

/** The walk-in and phone-in channels the 来店/来电登记 form offers first. */
export const REGISTER_CHANNELS: readonly ContactChannel[] = ['visit', 'inbound_call', 'online', 'wechat'];

export function isProspectStatus(value: string | null): value is ProspectStatus {
  return (PROSPECT_STATUSES as readonly string[]).includes(value ?? '');
}

export function isIntentLevel(value: string | null): value is IntentLevel {
  return (INTENT_LEVELS as readonly string[]).includes(value ?? '');
}

/** The list's filters from the query string: `?q=王&status=active&intent=H&consultant=7&page=2`. */
export function prospectsQueryFromParams(params: URLSearchParams, role: StaffRole): ProspectsQuery {
  const query: ProspectsQuery = { page: idParam(params.get('page')) ?? 1, pageSize: PROSPECTS_PAGE_SIZE };
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const status = params.get('status');
  if (isProspectStatus(status)) query.status = status;
  const intent = params.get('intent');
  if (isIntentLevel(intent)) query.intentLevel = intent;
  if (role !== 'consultant') {
    const consultant = idParam(params.get('consultant'));
    if (consultant !== null) query.consultantId = consultant;
  }
  if (role === 'admin') {
    const store = idParam(params.get('store'));
    if (store !== null) query.storeId = store;
  }
  return query;
}

export interface RegisterFormValues {
  storeId?: number;
  name?: string;
  phone?: string;
  channel?: ContactChannel;
  note?: string;
  intentLevel?: IntentLevel | null;
}

export type Built<T> =
  { ok: true; body: T } | { ok: false; errors: Array<{ name: string; errors: string[] }> };

/**
 * Puts a builder's errors on their fields, or saves the body it built; what `save` resolves to
 * goes to `done`. A save error stays with the mutation (shown by ErrorLine or the caller).
 */
export function submitBuilt<B, R>(
  form: FormInstance,
  built: Built<B>,
  save: (body: B) => Promise<R>,
  done: (result: R) => void,
  failed: (error: unknown) => void = () => undefined,
): void {
  if (!built.ok) {
    form.setFields(built.errors as Parameters<FormInstance['setFields']>[0]);
    return;
  }
  save(built.body).then(done, failed);
}

const NAME_MAX = 20;
const NOTE_MAX = 500;

function noteError(note: string): string | null {
  if (note.length < 2) return '请填写沟通内容（至少 2 个字）';
  if (note.length > NOTE_MAX) return `最多 ${NOTE_MAX} 个字`;
  return null;
}

/** The 来店/来电登记 request, with the number as the server stores it; or the fields to fix. */
export function buildRegister(
  values: RegisterFormValues,
  fallbackStoreId: number | null,
): Built<RegisterContactRequest> {
  const errors: Array<{ name: string; errors: string[] }> = [];
  const storeId = values.storeId ?? fallbackStoreId;
  const name = values.name?.trim() ?? '';
  const phone = normalizeMobile(values.phone ?? '');
  const note = values.note?.trim() ?? '';
  if (storeId === null || storeId === undefined) errors.push({ name: 'storeId', errors: ['请选择门店'] });
  if (!name) errors.push({ name: 'name', errors: ['请填写客户称呼'] });
  else if (Array.from(name).length > NAME_MAX)
    errors.push({ name: 'name', errors: [`最多 ${NAME_MAX} 个字`] });
  if (!isMainlandMobile(phone)) errors.push({ name: 'phone', errors: [MOBILE_INVALID_MESSAGE] });
  if (!values.channel) errors.push({ name: 'channel', errors: ['请选择来源'] });
  const noteProblem = noteError(note);
  if (noteProblem) errors.push({ name: 'note', errors: [noteProblem] });
  if (errors.length > 0) return { ok: false, errors };
  const body: RegisterContactRequest = { storeId: storeId!, name, phone, channel: values.channel!, note };
  if (values.intentLevel) body.intentLevel = values.intentLevel;
  return { ok: true, body };
}

export interface ContactFormValues {
  channel?: ContactChannel;
  note?: string;
  intentLevel?: IntentLevel | null;
}

export function buildContact(values: ContactFormValues): Built<LogContactRequest> {
  const note = values.note?.trim() ?? '';
  const errors: Array<{ name: string; errors: string[] }> = [];
  if (!values.channel) errors.push({ name: 'channel', errors: ['请选择联系方式'] });
  const noteProblem = noteError(note);
  if (noteProblem) errors.push({ name: 'note', errors: [noteProblem] });
  if (errors.length > 0) return { ok: false, errors };
  const body: LogContactRequest = { channel: values.channel!, note };
  if (values.intentLevel) body.intentLevel = values.intentLevel;
  return { ok: true, body };
}

export function buildLost(values: {
  category?: LostReasonCategory;
  note?: string;
}): Built<MarkProspectLostRequest> {
  const note = values.note?.trim() ?? '';
  if (!values.category) return { ok: false, errors: [{ name: 'category', errors: ['请选择战败原因'] }] };
  if (values.category === 'other' && note.length < 2) {
    return { ok: false, errors: [{ name: 'note', errors: ['选择“其他”时请说明原因'] }] };
  }
  return { ok: true, body: note ? { category: values.category, note } : { category: values.category } };
}

export interface ProfileFormValues {
  style?: CustomerStyle | null;
  styleNote?: string | null;
  consultantId?: number | null;
}

/** Only what changed; consultantId only for managers. Null when nothing changed. */
export function buildProfileUpdate(
  values: ProfileFormValues,
  current: { style: CustomerStyle | null; styleNote: string | null; consultantId: number | null },
  role: StaffRole,
): UpdateProspectRequest | null {
  const body: UpdateProspectRequest = {};
  const style = values.style ?? null;
  const styleNote = values.styleNote?.trim() || null;
  if (style !== current.style) body.style = style;
  if (styleNote !== current.styleNote) body.styleNote = styleNote;
  if (
    canReassignProspect(role) &&
    values.consultantId !== undefined &&
    values.consultantId !== null &&
    values.consultantId !== current.consultantId
  ) {
    body.consultantId = values.consultantId;
  }
  return Object.keys(body).length === 0 ? null : body;
}

/** The store's active consultants, by name, for the consultant filter and the hand-over. */
export function consultantChoices(
  users: readonly StaffUser[],
  storeId: number | null,
): Array<{ value: number; label: string }> {
  return users
    .filter((u) => u.active && u.role === 'consultant' && (storeId === null || u.storeId === storeId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'))
    .map((u) => ({ value: u.id, label: u.displayName }));
}
