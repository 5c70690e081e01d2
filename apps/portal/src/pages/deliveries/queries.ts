import type {
  CreateSalesOrderRequest,
  DeliveryChecklistTemplates,
  SalesOrder,
  StaffRole,
} from '@dealer-care/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { problemOf } from '../../errors';
import { sendOrderCommand, type OrderCommand } from './commands';
import type { SubmissionKeys } from './order-form';

export const deliveryKeys = {
  /** Everything of one store's deliveries. */
  store: (storeId: number) => ['deliveries', storeId] as const,
  lists: (storeId: number) => ['deliveries', storeId, 'list'] as const,
  list: (storeId: number, from: string, days: number) => ['deliveries', storeId, 'list', from, days] as const,
  order: (storeId: number, id: number) => ['deliveries', storeId, 'order', id] as const,
  signature: (storeId: number, id: number) => ['deliveries', storeId, 'signature', id] as const,
  checklists: (storeId: number) => ['deliveries', storeId, 'checklists'] as const,
};

/** Every order of the store waiting for a date, and those scheduled in [from, from + days). */
export function useStoreOrders(storeId: number, from: string, days: number) {
  return useQuery({
    queryKey: deliveryKeys.list(storeId, from, days),
    queryFn: () => api.staffDeliveries.list(storeId, { from, days }),
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
}

/** One order, fresh from the server, showing the list's copy meanwhile. */
export function useOrder(storeId: number, id: number | null, fromList: SalesOrder | undefined) {
  return useQuery({
    queryKey: deliveryKeys.order(storeId, id ?? 0),
    queryFn: () => api.staffDeliveries.get(id!),
    enabled: id !== null,
    placeholderData: fromList,
    staleTime: 5_000,
  });
}

export function useSignature(storeId: number, id: number, enabled: boolean) {
  return useQuery({
    queryKey: deliveryKeys.signature(storeId, id),
    queryFn: () => api.staffDeliveries.signature(id),
    enabled,
    staleTime: Infinity,
  });
}

/** Puts an order the server answered with into every cached copy, then refreshes the store's data. */
function useStoreAnswer(storeId: number) {
  const queryClient = useQueryClient();
  return (order: SalesOrder) => {
    queryClient.setQueryData(deliveryKeys.order(storeId, order.id), order);
    queryClient.setQueriesData<SalesOrder[]>({ queryKey: deliveryKeys.lists(storeId) }, (list) =>
      list?.map((item) => (item.id === order.id ? order : item)),
    );
    return queryClient.invalidateQueries({ queryKey: deliveryKeys.lists(storeId) });
  };
}

export interface OrderCommandVariables {
  id: number;
  command: OrderCommand;
}

/** Sends a staff action; the answer replaces the order everywhere. */
export function useOrderCommand(storeId: number) {
  const queryClient = useQueryClient();
  const store = useStoreAnswer(storeId);
  return useMutation({
    mutationFn: ({ id, command }: OrderCommandVariables) =>
      sendOrderCommand(api.staffDeliveries, id, command),
    // A refetch started before this change (after the previous tick, say) must not land after it
    // and show the order as it was: cancel it; the answer and the refetch after it are current.
    onMutate: async ({ id }) => {
      await queryClient.cancelQueries({ queryKey: deliveryKeys.lists(storeId) });
      await queryClient.cancelQueries({ queryKey: deliveryKeys.order(storeId, id) });
    },
    onSuccess: (order) => store(order),
    onError: (error, { id }) => {
      // The order changed under us (the customer answered, a colleague acted): show what is true now.
      const { status } = problemOf(error);
      if (status === 404 || status === 409 || status === 422) {
        void queryClient.invalidateQueries({ queryKey: deliveryKeys.lists(storeId) });
        void queryClient.invalidateQueries({ queryKey: deliveryKeys.order(storeId, id) });
      }
    },
  });
}

export function useCreateOrder(storeId: number, keys: SubmissionKeys) {
  const store = useStoreAnswer(storeId);
  return useMutation({
    mutationFn: (body: CreateSalesOrderRequest) =>
      api.staffDeliveries.create(storeId, body, { idempotencyKey: keys.keyFor(body) }),
    onSuccess: (order) => {
      keys.settle();
      return store(order);
    },
  });
}

export function useVehicleModels() {
  return useQuery({ queryKey: ['vehicle-models'], queryFn: api.models.list, staleTime: 5 * 60_000 });
}

/** The staff in the caller's scope: only managers and admins may list them. */
export function useStaffUsers(role: StaffRole) {
  return useQuery({
    queryKey: ['staff', 'users'],
    queryFn: api.staff.users,
    enabled: role !== 'consultant',
    staleTime: 5 * 60_000,
  });
}

export function useChecklistTemplates(storeId: number, enabled = true) {
  return useQuery({
    queryKey: deliveryKeys.checklists(storeId),
    queryFn: () => api.staffDeliveries.checklists(storeId),
    enabled,
  });
}

export function useSaveChecklists(storeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templates: DeliveryChecklistTemplates) =>
      api.staffDeliveries.saveChecklists(storeId, templates),
    onSuccess: (saved) => queryClient.setQueryData(deliveryKeys.checklists(storeId), saved),
  });
}
