import type {
  CustomerCard,
  LogContactRequest,
  MarkProspectLostRequest,
  ProspectsQuery,
  RegisterContactRequest,
  SetIntentRequest,
  UpdateProspectRequest,
} from '@dealer-care/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { problemOf } from '../../errors';
import type { SubmissionKeys } from '../deliveries/order-form';

export const prospectKeys = {
  all: ['prospects'] as const,
  lists: ['prospects', 'list'] as const,
  list: (query: ProspectsQuery) => ['prospects', 'list', query] as const,
  card: (id: number) => ['prospects', 'card', id] as const,
};

/** One page of the store's prospects; the previous page shows while the next loads. */
export function useProspects(query: ProspectsQuery) {
  return useQuery({
    queryKey: prospectKeys.list(query),
    queryFn: () => api.prospects.list(query),
    placeholderData: keepPreviousData,
  });
}

/** 客户卡片. */
export function useCustomerCard(id: number | null) {
  return useQuery({
    queryKey: prospectKeys.card(id ?? 0),
    queryFn: () => api.prospects.card(id!),
    enabled: id !== null,
    staleTime: 10_000,
  });
}

/** Every change answers with the whole card: keep it, refresh the lists and the follow-ups it planned. */
function useCardAnswer() {
  const queryClient = useQueryClient();
  return (card: CustomerCard) => {
    queryClient.setQueryData(prospectKeys.card(card.prospect.id), card);
    void queryClient.invalidateQueries({ queryKey: prospectKeys.lists });
    void queryClient.invalidateQueries({ queryKey: ['follow-ups'] });
  };
}

/** A refusal means the card changed under us (a colleague marked it lost, say): show what is true now. */
function useRefreshOnConflict(id: number) {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    const { status } = problemOf(error);
    if (status === 404 || status === 409) {
      void queryClient.invalidateQueries({ queryKey: prospectKeys.card(id) });
      void queryClient.invalidateQueries({ queryKey: prospectKeys.lists });
    }
  };
}

/** 来店/来电登记, with one Idempotency-Key per submission. */
export function useRegisterContact(keys: SubmissionKeys) {
  const store = useCardAnswer();
  return useMutation({
    mutationFn: (body: RegisterContactRequest) =>
      api.prospects.register(body, { idempotencyKey: keys.keyFor(body) }),
    onSuccess: (card) => {
      keys.settle();
      store(card);
    },
  });
}

export function useLogContact(id: number, keys: SubmissionKeys) {
  const store = useCardAnswer();
  const refresh = useRefreshOnConflict(id);
  return useMutation({
    mutationFn: (body: LogContactRequest) =>
      api.prospects.logContact(id, body, { idempotencyKey: keys.keyFor(body) }),
    onSuccess: (card) => {
      keys.settle();
      store(card);
    },
    onError: refresh,
  });
}

export function useUpdateProspect(id: number) {
  const store = useCardAnswer();
  const refresh = useRefreshOnConflict(id);
  return useMutation({
    mutationFn: (body: UpdateProspectRequest) => api.prospects.update(id, body),
    onSuccess: store,
    onError: refresh,
  });
}

export function useSetIntent(id: number) {
  const store = useCardAnswer();
  const refresh = useRefreshOnConflict(id);
  return useMutation({
    mutationFn: (body: SetIntentRequest) => api.prospects.setIntent(id, body),
    onSuccess: store,
    onError: refresh,
  });
}

export function useMarkLost(id: number) {
  const store = useCardAnswer();
  const refresh = useRefreshOnConflict(id);
  return useMutation({
    mutationFn: (body: MarkProspectLostRequest) => api.prospects.markLost(id, body),
    onSuccess: store,
    onError: refresh,
  });
}
