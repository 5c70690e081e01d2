import type {
  AssignFollowUpRequest,
  CustomerCard,
  FollowUpInbox,
  FollowUpInboxQuery,
  FollowUpStats,
  FollowUpStatsQuery,
  FollowUpTaskView,
  LogContactRequest,
  MarkProspectLostRequest,
  NotificationListItem,
  NotificationsQuery,
  ProspectSummary,
  ProspectsQuery,
  RecordFollowUpOutcomeRequest,
  RecordSubscriptionsRequest,
  RegisterContactRequest,
  RevealedPhone,
  SetIntentRequest,
  SubscriptionMoment,
  SubscriptionTemplates,
  UpdateProspectRequest,
  AssignCaseRequest,
  AuditTemplate,
  CreateAuditRequest,
  LowScoreCase,
  CaseStatus,
  Page,
  PendingSurvey,
  ProcessAudit,
  SatisfactionQuery,
  SatisfactionSummary,
  SaveSurveyProgressRequest,
  SubmitSurveyRequest,
  SurveyForm,
  SurveyInvitationListItem,
  SurveyInvitationsQuery,
  SurveyKind,
  SurveyResponseDetail,
  SurveyResponseListItem,
  SurveyResponsesQuery,
  SurveySubmitted,
  SurveyTemplate,
  SurveyTemplateContent,
  UpdateCaseRequest,
  AssignVinRequest,
  CancelOrderRequest,
  ChooseDateRequest,
  CreateSalesOrderRequest,
  DeclareDelayRequest,
  DeliverRequest,
  DeliveryChecklistTemplates,
  DeliverySignature,
  OfferDatesRequest,
  RecordCallRequest,
  RequestOtherDatesRequest,
  SalesOrder,
  StoreOrdersQuery,
  TickChecklistRequest,
  BindPhoneRequest,
  CancelBookingRequest,
  CheckInBookingRequest,
  ConfirmBookingRequest,
  CreateBookingRequest,
  DayAvailability,
  DeclineProposalRequest,
  ProposeBookingRequest,
  RejectBookingRequest,
  RescheduleBookingRequest,
  SaveBookingPolicyRequest,
  StoreBookingPolicy,
  StoreBookingsQuery,
  StoreCancelBookingRequest,
  StoreCapacityDay,
  TestDriveBooking,
  TestDriveChanges,
  TestDriveConsent,
  CustomerProfile,
  CustomerSession,
  DevCustomerLoginRequest,
  GeoPoint,
  StaffLoginRequest,
  StaffSession,
  StaffUser,
  Store,
  StoreListItem,
  StoreOverview,
  VehicleModel,
  WechatLoginRequest,
} from '@dealer-care/domain';
import { ApiError } from './api-error.js';
import type { HttpMethod, Transport } from './transport.js';

export interface ApiClientOptions {
  /** Origin and prefix of the API, e.g. `https://care.example.cn/api` or `/api`. */
  baseUrl: string;
  transport: Transport;
  /** Current bearer token, read before every call. */
  getAccessToken?: () => string | null | undefined;
  /** Called when the server says the session is missing or expired (401). */
  onUnauthenticated?: (error: ApiError) => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  headers?: Record<string, string>;
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  const base = baseUrl.replace(/\/+$/, '');
  const params = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${base}${path}${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

export function createApiClient(options: ApiClientOptions) {
  async function request<T>(method: HttpMethod, path: string, req: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const token = options.getAccessToken?.();
    if (token) headers.authorization = `Bearer ${token}`;

    let response;
    try {
      response = await options.transport({
        method,
        url: buildUrl(options.baseUrl, path, req.query),
        headers,
        body: req.body,
      });
    } catch (cause) {
      throw ApiError.network(cause);
    }
    if (response.status >= 200 && response.status < 300) return response.body as T;
    const error = ApiError.fromResponse(response.status, response.body);
    if (response.status === 401) options.onUnauthenticated?.(error);
    throw error;
  }

  return {
    request,
    auth: {
      staffLogin: (body: StaffLoginRequest) => request<StaffSession>('POST', '/auth/staff/login', { body }),
      staffMe: () => request<StaffUser>('GET', '/auth/staff/me'),
      wechatLogin: (body: WechatLoginRequest) =>
        request<CustomerSession>('POST', '/auth/wechat/login', { body }),
      devLogin: (body: DevCustomerLoginRequest) =>
        request<CustomerSession>('POST', '/auth/dev/login', { body }),
      bindPhone: (body: BindPhoneRequest) => request<CustomerProfile>('POST', '/auth/wechat/phone', { body }),
    },
    me: {
      profile: () => request<CustomerProfile>('GET', '/me'),
    },
    stores: {
      /** Stores, nearest first when the customer's location is given. */
      list: (near?: GeoPoint | null) =>
        request<StoreListItem[]>('GET', '/stores', {
          query: near ? { latitude: near.latitude, longitude: near.longitude } : undefined,
        }),
      get: (id: number) => request<Store>('GET', `/stores/${id}`),
    },
    models: {
      list: () => request<VehicleModel[]>('GET', '/vehicle-models'),
    },
    testDrives: {
      /** The current test-drive consent text (试乘试驾同意书) and its version. */
      consent: () => request<TestDriveConsent>('GET', '/test-drive/consent'),
      /** Bookable slots of a store and model, per store-local day (from today when `from` is omitted). */
      availability: (storeId: number, modelId: number, range: { from?: string; days?: number } = {}) =>
        request<DayAvailability[]>('GET', `/stores/${storeId}/models/${modelId}/availability`, {
          query: range,
        }),
      /**
       * Books a slot. Keep one `idempotencyKey` per submission and send it again on retry:
       * the server then answers with the first result instead of booking twice.
       */
      create: (body: CreateBookingRequest, options: { idempotencyKey: string }) =>
        request<TestDriveBooking>('POST', '/test-drive/bookings', {
          body,
          headers: { 'idempotency-key': options.idempotencyKey },
        }),
      mine: () => request<TestDriveBooking[]>('GET', '/test-drive/bookings'),
      get: (id: number) => request<TestDriveBooking>('GET', `/test-drive/bookings/${id}`),
      cancel: (id: number, body: CancelBookingRequest = {}) =>
        request<TestDriveBooking>('POST', `/test-drive/bookings/${id}/cancel`, { body }),
      reschedule: (id: number, body: RescheduleBookingRequest) =>
        request<TestDriveBooking>('POST', `/test-drive/bookings/${id}/reschedule`, { body }),
      acceptProposal: (id: number) =>
        request<TestDriveBooking>('POST', `/test-drive/bookings/${id}/accept-proposal`, { body: {} }),
      declineProposal: (id: number, body: DeclineProposalRequest = {}) =>
        request<TestDriveBooking>('POST', `/test-drive/bookings/${id}/decline-proposal`, { body }),
    },
    staffTestDrives: {
      /** A store's bookings of one store-local day, optionally of one status. */
      day: (storeId: number, query: StoreBookingsQuery) =>
        request<TestDriveBooking[]>('GET', `/staff/stores/${storeId}/test-drives`, { query: { ...query } }),
      /** Free and held capacity per model for the coming days. */
      capacity: (storeId: number, range: { from?: string; days?: number } = {}) =>
        request<StoreCapacityDay[]>('GET', `/staff/stores/${storeId}/test-drive-capacity`, { query: range }),
      /** Changes customers made since an instant (cancellations, moves, answers to proposals). */
      changes: (storeId: number, since: string) =>
        request<TestDriveChanges>('GET', `/staff/stores/${storeId}/test-drive-changes`, { query: { since } }),
      /** The store's booking rules (isDefault while it has set none); any staff of the store. */
      getTestDrivePolicy: (storeId: number) =>
        request<StoreBookingPolicy>('GET', `/staff/stores/${storeId}/test-drive-policy`),
      /** Sets all of the store's booking rules; managers and admins only. */
      saveTestDrivePolicy: (storeId: number, policy: SaveBookingPolicyRequest) =>
        request<StoreBookingPolicy>('PUT', `/staff/stores/${storeId}/test-drive-policy`, { body: policy }),
      get: (id: number) => request<TestDriveBooking>('GET', `/staff/test-drives/${id}`),
      confirm: (id: number, body: ConfirmBookingRequest) =>
        request<TestDriveBooking>('POST', `/staff/test-drives/${id}/confirm`, { body }),
      reject: (id: number, body: RejectBookingRequest) =>
        request<TestDriveBooking>('POST', `/staff/test-drives/${id}/reject`, { body }),
      propose: (id: number, body: ProposeBookingRequest) =>
        request<TestDriveBooking>('POST', `/staff/test-drives/${id}/propose`, { body }),
      checkIn: (id: number, body: CheckInBookingRequest) =>
        request<TestDriveBooking>('POST', `/staff/test-drives/${id}/check-in`, { body }),
      complete: (id: number) =>
        request<TestDriveBooking>('POST', `/staff/test-drives/${id}/complete`, { body: {} }),
      noShow: (id: number) =>
        request<TestDriveBooking>('POST', `/staff/test-drives/${id}/no-show`, { body: {} }),
      cancel: (id: number, body: StoreCancelBookingRequest) =>
        request<TestDriveBooking>('POST', `/staff/test-drives/${id}/cancel`, { body }),
    },
    deliveries: {
      /** The customer's orders and their deliveries (orders under their bound phone are linked on the way). */
      mine: () => request<SalesOrder[]>('GET', '/deliveries'),
      get: (id: number) => request<SalesOrder>('GET', `/deliveries/${id}`),
      chooseDate: (id: number, body: ChooseDateRequest) =>
        request<SalesOrder>('POST', `/deliveries/${id}/choose-date`, { body }),
      requestOtherDates: (id: number, body: RequestOtherDatesRequest) =>
        request<SalesOrder>('POST', `/deliveries/${id}/request-other-dates`, { body }),
      /** "按时到店": the T-3 or T-1 confirmation due today. */
      confirmAttendance: (id: number) =>
        request<SalesOrder>('POST', `/deliveries/${id}/confirm-attendance`, { body: {} }),
    },
    staffDeliveries: {
      /** Orders still waiting for a date, and those scheduled in the range. */
      list: (storeId: number, query: StoreOrdersQuery = {}) =>
        request<SalesOrder[]>('GET', `/staff/stores/${storeId}/sales-orders`, { query: { ...query } }),
      create: (storeId: number, body: CreateSalesOrderRequest, options: { idempotencyKey: string }) =>
        request<SalesOrder>('POST', `/staff/stores/${storeId}/sales-orders`, {
          body,
          headers: { 'idempotency-key': options.idempotencyKey },
        }),
      get: (id: number) => request<SalesOrder>('GET', `/staff/sales-orders/${id}`),
      assignVin: (id: number, body: AssignVinRequest) =>
        request<SalesOrder>('POST', `/staff/sales-orders/${id}/vin`, { body }),
      offerDates: (id: number, body: OfferDatesRequest) =>
        request<SalesOrder>('POST', `/staff/sales-orders/${id}/offer-dates`, { body }),
      recordCall: (id: number, body: RecordCallRequest) =>
        request<SalesOrder>('POST', `/staff/sales-orders/${id}/calls`, { body }),
      tickChecklist: (id: number, body: TickChecklistRequest) =>
        request<SalesOrder>('POST', `/staff/sales-orders/${id}/checklist`, { body }),
      markReady: (id: number) => request<SalesOrder>('POST', `/staff/sales-orders/${id}/ready`, { body: {} }),
      declareDelay: (id: number, body: DeclareDelayRequest) =>
        request<SalesOrder>('POST', `/staff/sales-orders/${id}/delay`, { body }),
      deliver: (id: number, body: DeliverRequest) =>
        request<SalesOrder>('POST', `/staff/sales-orders/${id}/deliver`, { body }),
      cancel: (id: number, body: CancelOrderRequest) =>
        request<SalesOrder>('POST', `/staff/sales-orders/${id}/cancel`, { body }),
      signature: (id: number) => request<DeliverySignature>('GET', `/staff/sales-orders/${id}/signature`),
      checklists: (storeId: number) =>
        request<DeliveryChecklistTemplates>('GET', `/staff/stores/${storeId}/delivery-checklists`),
      saveChecklists: (storeId: number, body: DeliveryChecklistTemplates) =>
        request<DeliveryChecklistTemplates>('PUT', `/staff/stores/${storeId}/delivery-checklists`, { body }),
    },
    surveys: {
      /** Surveys sent to the customer and not yet completed or expired. */
      pending: () => request<PendingSurvey[]>('GET', '/surveys'),
      /** Opens a survey by its token (marks it opened); only the invited customer may. */
      open: (token: string) => request<SurveyForm>('GET', `/surveys/${encodeURIComponent(token)}`),
      /** Keeps partial answers; the survey counts as started, not as a response. */
      saveProgress: (token: string, body: SaveSurveyProgressRequest) =>
        request<SurveyForm>('PUT', `/surveys/${encodeURIComponent(token)}/progress`, { body }),
      /** Idempotent: a resubmission answers with the first result and changes nothing. */
      submit: (token: string, body: SubmitSurveyRequest) =>
        request<SurveySubmitted>('POST', `/surveys/${encodeURIComponent(token)}/submit`, { body }),
    },
    satisfaction: {
      summary: (query: SatisfactionQuery) =>
        request<SatisfactionSummary>('GET', '/staff/satisfaction/summary', { query: { ...query } }),
      responses: (query: SurveyResponsesQuery) =>
        request<Page<SurveyResponseListItem>>('GET', '/staff/satisfaction/responses', {
          query: { ...query },
        }),
      response: (id: number) => request<SurveyResponseDetail>('GET', `/staff/satisfaction/responses/${id}`),
      /** The same filter as `responses`, every answer as a CSV text (UTF-8 with BOM, for Excel). */
      exportCsv: (query: SatisfactionQuery) =>
        request<string>('GET', '/staff/satisfaction/responses.csv', { query: { ...query } }),
      /** Invitations due to be sent in the range, newest first: status, and why one was held or dropped. */
      invitations: (query: SurveyInvitationsQuery) =>
        request<Page<SurveyInvitationListItem>>('GET', '/staff/satisfaction/invitations', {
          query: { ...query },
        }),
      cases: (query: { storeId?: number; status?: CaseStatus; overdueOnly?: boolean } = {}) =>
        request<LowScoreCase[]>('GET', '/staff/satisfaction/cases', { query: { ...query } }),
      case: (id: number) => request<LowScoreCase>('GET', `/staff/satisfaction/cases/${id}`),
      updateCase: (id: number, body: UpdateCaseRequest) =>
        request<LowScoreCase>('POST', `/staff/satisfaction/cases/${id}/progress`, { body }),
      assignCase: (id: number, body: AssignCaseRequest) =>
        request<LowScoreCase>('POST', `/staff/satisfaction/cases/${id}/owner`, { body }),
      /** Every version of every kind, newest first. */
      templates: () => request<SurveyTemplate[]>('GET', '/staff/survey-templates'),
      /** Saves a changed template as a new active version of its kind (the group admin only: one survey for every store). */
      createTemplateVersion: (kind: SurveyKind, body: SurveyTemplateContent) =>
        request<SurveyTemplate>('POST', `/staff/survey-templates/${kind}/versions`, { body }),
      auditTemplate: () => request<AuditTemplate>('GET', '/staff/process-audits/template'),
      audits: (query: { storeId?: number; consultantId?: number } = {}) =>
        request<ProcessAudit[]>('GET', '/staff/process-audits', { query: { ...query } }),
      /** Managers and admins (also entering a mystery shopper's sheet). */
      createAudit: (storeId: number, body: CreateAuditRequest) =>
        request<ProcessAudit>('POST', `/staff/stores/${storeId}/process-audits`, { body }),
    },
    staff: {
      /** The stores in the caller's scope, with their test-drive cars. */
      stores: () => request<StoreOverview[]>('GET', '/staff/stores'),
      store: (id: number) => request<StoreOverview>('GET', `/staff/stores/${id}`),
      users: () => request<StaffUser[]>('GET', '/staff/users'),
    },
    /** 回访任务: the consultant's inbox, outcomes, escalations and the manager's rates. */
    followUps: {
      inbox: (query: FollowUpInboxQuery = {}) =>
        request<FollowUpInbox>('GET', '/staff/follow-ups', { query: { ...query } }),
      task: (id: number) => request<FollowUpTaskView>('GET', `/staff/follow-ups/${id}`),
      /** One tap after the call; a task no longer pending answers 409. */
      recordOutcome: (id: number, body: RecordFollowUpOutcomeRequest) =>
        request<FollowUpTaskView>('POST', `/staff/follow-ups/${id}/outcome`, { body }),
      /** Managers and admins: give the task to someone else in its store. */
      assign: (id: number, body: AssignFollowUpRequest) =>
        request<FollowUpTaskView>('POST', `/staff/follow-ups/${id}/assignee`, { body }),
      stats: (query: FollowUpStatsQuery = {}) =>
        request<FollowUpStats>('GET', '/staff/follow-ups/stats', { query: { ...query } }),
    },
    /** 客户卡片: prospects, their contacts, intent, style, timeline, and 战败. */
    prospects: {
      list: (query: ProspectsQuery = {}) =>
        request<Page<ProspectSummary>>('GET', '/staff/prospects', { query: { ...query } }),
      /** 来店/来电登记: finds the store's prospect by phone or creates one, and logs the contact. */
      register: (body: RegisterContactRequest, options: { idempotencyKey: string }) =>
        request<CustomerCard>('POST', '/staff/prospects', {
          body,
          headers: { 'idempotency-key': options.idempotencyKey },
        }),
      card: (id: number) => request<CustomerCard>('GET', `/staff/prospects/${id}`),
      /** The full number for a call (answers carry only masked numbers); each reveal is logged. */
      revealPhone: (id: number) => request<RevealedPhone>('POST', `/staff/prospects/${id}/phone`),
      update: (id: number, body: UpdateProspectRequest) =>
        request<CustomerCard>('PATCH', `/staff/prospects/${id}`, { body }),
      logContact: (id: number, body: LogContactRequest, options: { idempotencyKey: string }) =>
        request<CustomerCard>('POST', `/staff/prospects/${id}/contacts`, {
          body,
          headers: { 'idempotency-key': options.idempotencyKey },
        }),
      setIntent: (id: number, body: SetIntentRequest) =>
        request<CustomerCard>('POST', `/staff/prospects/${id}/intent`, { body }),
      /** 战败: cancels the follow-ups, creates the manager's callback and the lost-customer survey. */
      markLost: (id: number, body: MarkProspectLostRequest) =>
        request<CustomerCard>('POST', `/staff/prospects/${id}/lost`, { body }),
    },
    /** The fate of customer messages; failed and refused ones are the dead-letter list. */
    notifications: {
      list: (query: NotificationsQuery = {}) =>
        request<Page<NotificationListItem>>('GET', '/staff/notifications', { query: { ...query } }),
      /** Queues a failed message again (managers and admins). */
      retry: (id: number) => request<NotificationListItem>('POST', `/staff/notifications/${id}/retry`),
    },
    /** The customer's WeChat subscriptions (订阅消息), asked for at booking, delivery and survey moments. */
    subscriptions: {
      templates: (moment: SubscriptionMoment) =>
        request<SubscriptionTemplates>('GET', '/notifications/subscriptions', { query: { moment } }),
      record: (body: RecordSubscriptionsRequest) =>
        request<void>('POST', '/notifications/subscriptions', { body }),
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
