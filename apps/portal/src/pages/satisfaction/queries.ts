import type {
  AssignCaseRequest,
  CaseStatus,
  CreateAuditRequest,
  LowScoreCase,
  NotificationsQuery,
  SatisfactionQuery,
  SurveyInvitationsQuery,
  SurveyKind,
  SurveyResponsesQuery,
  SurveyTemplateContent,
  UpdateCaseRequest,
} from '@dealer-care/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { problemOf } from '../../errors';

export interface CasesQuery {
  storeId?: number;
  status?: CaseStatus;
  overdueOnly?: boolean;
}

export const satisfactionKeys = {
  all: ['satisfaction'] as const,
  summaries: ['satisfaction', 'summary'] as const,
  summary: (query: SatisfactionQuery) => ['satisfaction', 'summary', query] as const,
  responses: ['satisfaction', 'responses'] as const,
  responseList: (query: SurveyResponsesQuery) => ['satisfaction', 'responses', 'list', query] as const,
  response: (id: number) => ['satisfaction', 'responses', 'detail', id] as const,
  invitationList: (query: SurveyInvitationsQuery) => ['satisfaction', 'invitations', query] as const,
  cases: ['satisfaction', 'cases'] as const,
  caseLists: ['satisfaction', 'cases', 'list'] as const,
  caseList: (query: CasesQuery) => ['satisfaction', 'cases', 'list', query] as const,
  case: (id: number) => ['satisfaction', 'cases', 'detail', id] as const,
  templates: ['satisfaction', 'templates'] as const,
  auditTemplate: ['satisfaction', 'audit-template'] as const,
  audits: ['satisfaction', 'audits'] as const,
  auditList: (query: { storeId?: number; consultantId?: number }) =>
    ['satisfaction', 'audits', query] as const,
};

/** The dashboard's figures for the filters. */
export function useSatisfactionSummary(query: SatisfactionQuery, enabled = true) {
  return useQuery({
    queryKey: satisfactionKeys.summary(query),
    queryFn: () => api.satisfaction.summary(query),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}

/** One page of answered surveys; the previous page shows while the next loads. */
export function useSurveyResponses(query: SurveyResponsesQuery) {
  return useQuery({
    queryKey: satisfactionKeys.responseList(query),
    queryFn: () => api.satisfaction.responses(query),
    placeholderData: keepPreviousData,
  });
}

/** One page of invitations (held, dropped, …) with their reasons; the previous page shows while the next loads. */
export function useSurveyInvitations(query: SurveyInvitationsQuery, enabled = true) {
  return useQuery({
    queryKey: satisfactionKeys.invitationList(query),
    queryFn: () => api.satisfaction.invitations(query),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 30_000,
  });
}

/** Every question and answer of one response; answered surveys never change. */
export function useSurveyResponse(id: number | null) {
  return useQuery({
    queryKey: satisfactionKeys.response(id ?? 0),
    queryFn: () => api.satisfaction.response(id!),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

/** The CSV of every answer for the filters, as text. */
export function useExportCsv() {
  return useMutation({ mutationFn: (query: SatisfactionQuery) => api.satisfaction.exportCsv(query) });
}

/** Low-score cases, refreshed every minute: new ones arrive as customers answer. */
export function useLowScoreCases(query: CasesQuery, enabled = true) {
  return useQuery({
    queryKey: satisfactionKeys.caseList(query),
    queryFn: () => api.satisfaction.cases(query),
    enabled,
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
}

/** The cases nobody has called yet, for the menu's alert badge. */
export function useOpenCaseCount(enabled: boolean) {
  const query = useLowScoreCases({ status: 'open' }, enabled);
  return query.data?.length ?? 0;
}

/** One case, fresh from the server, showing the list's copy meanwhile. */
export function useLowScoreCase(id: number | null, fromList: LowScoreCase | undefined) {
  return useQuery({
    queryKey: satisfactionKeys.case(id ?? 0),
    queryFn: () => api.satisfaction.case(id!),
    enabled: id !== null,
    placeholderData: fromList,
    staleTime: 5_000,
  });
}

/** Puts the case the server answered with into every cached copy; the lists and figures follow. */
function useCaseAnswer() {
  const queryClient = useQueryClient();
  return (updated: LowScoreCase) => {
    queryClient.setQueryData(satisfactionKeys.case(updated.id), updated);
    queryClient.setQueriesData<LowScoreCase[]>({ queryKey: satisfactionKeys.caseLists }, (list) =>
      list?.map((item) => (item.id === updated.id ? updated : item)),
    );
    void queryClient.invalidateQueries({ queryKey: satisfactionKeys.cases });
    void queryClient.invalidateQueries({ queryKey: satisfactionKeys.summaries });
  };
}

/** On a refusal the case changed under us (a colleague closed it): show what is true now. */
function useRefreshOnConflict() {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    const { status } = problemOf(error);
    if (status === 404 || status === 409 || status === 422) {
      void queryClient.invalidateQueries({ queryKey: satisfactionKeys.cases });
    }
  };
}

export function useUpdateCase() {
  const store = useCaseAnswer();
  const refresh = useRefreshOnConflict();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateCaseRequest }) =>
      api.satisfaction.updateCase(id, body),
    onSuccess: store,
    onError: refresh,
  });
}

export function useAssignCase() {
  const store = useCaseAnswer();
  const refresh = useRefreshOnConflict();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: AssignCaseRequest }) =>
      api.satisfaction.assignCase(id, body),
    onSuccess: store,
    onError: refresh,
  });
}

/** Every version of every survey kind, newest first. */
export function useSurveyTemplates() {
  return useQuery({ queryKey: satisfactionKeys.templates, queryFn: api.satisfaction.templates });
}

export function useCreateTemplateVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, content }: { kind: SurveyKind; content: SurveyTemplateContent }) =>
      api.satisfaction.createTemplateVersion(kind, content),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: satisfactionKeys.templates }),
  });
}

/** The sales-process audit sheet (steps, groups, items, published weights). */
export function useAuditTemplate(enabled = true) {
  return useQuery({
    queryKey: satisfactionKeys.auditTemplate,
    queryFn: api.satisfaction.auditTemplate,
    enabled,
    staleTime: Infinity,
  });
}

export function useProcessAudits(query: { storeId?: number; consultantId?: number }, enabled = true) {
  return useQuery({
    queryKey: satisfactionKeys.auditList(query),
    queryFn: () => api.satisfaction.audits(query),
    enabled,
  });
}

export function useCreateAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ storeId, body }: { storeId: number; body: CreateAuditRequest }) =>
      api.satisfaction.createAudit(storeId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: satisfactionKeys.audits });
      // The dashboard shows each consultant's latest audit beside their CSI.
      void queryClient.invalidateQueries({ queryKey: satisfactionKeys.summaries });
    },
  });
}

/** 消息投递: one page of customer messages of a status, newest first. */
export function useNotifications(query: NotificationsQuery, enabled = true) {
  return useQuery({
    queryKey: ['notifications', query] as const,
    queryFn: () => api.notifications.list(query),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 10_000,
  });
}

/** Sending one again changes its row, and maybe the phone task it had become. */
export function useRefreshNotifications() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}
