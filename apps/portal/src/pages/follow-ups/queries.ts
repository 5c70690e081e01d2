import type { FollowUpInboxQuery, FollowUpStatsQuery, FollowUpTaskView } from '@dealer-care/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { problemOf } from '../../errors';
import { badgeCount } from './badge';

export const followUpKeys = {
  all: ['follow-ups'] as const,
  inboxes: ['follow-ups', 'inbox'] as const,
  inbox: (query: FollowUpInboxQuery) => ['follow-ups', 'inbox', query] as const,
  task: (id: number) => ['follow-ups', 'task', id] as const,
  stats: (query: FollowUpStatsQuery) => ['follow-ups', 'stats', query] as const,
};

/** One tab of the inbox with the counts of every tab; refreshed every minute as tasks fall due. */
export function useFollowUpInbox(query: FollowUpInboxQuery, enabled = true) {
  return useQuery({
    queryKey: followUpKeys.inbox(query),
    queryFn: () => api.followUps.inbox(query),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 10_000,
    refetchInterval: 60_000,
  });
}

/** What needs a call today (overdue included) for the signed-in member of staff: the menu badge. */
export function useFollowUpBadge(enabled: boolean): number {
  const query = useFollowUpInbox({ bucket: 'overdue', pageSize: 1 }, enabled);
  return badgeCount(query.data?.counts);
}

/** One task, fresh from the server, showing the list's copy meanwhile. */
export function useFollowUpTask(id: number | null, fromList: FollowUpTaskView | undefined) {
  return useQuery({
    queryKey: followUpKeys.task(id ?? 0),
    queryFn: () => api.followUps.task(id!),
    enabled: id !== null,
    placeholderData: fromList,
    staleTime: 5_000,
  });
}

/** The inbox lists and badge, the task and any customer card follow an answer or a refusal. */
export function useRefreshFollowUps() {
  const queryClient = useQueryClient();
  return (task?: FollowUpTaskView) => {
    if (task) queryClient.setQueryData(followUpKeys.task(task.id), task);
    void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['prospects'] });
  };
}

export function useAssignFollowUp() {
  const refresh = useRefreshFollowUps();
  return useMutation({
    mutationFn: ({ id, staffId }: { id: number; staffId: number }) => api.followUps.assign(id, { staffId }),
    onSuccess: (task) => refresh(task),
    onError: (error) => {
      const { status } = problemOf(error);
      if (status === 404 || status === 409) refresh();
    },
  });
}

export function useFollowUpStats(query: FollowUpStatsQuery, enabled = true) {
  return useQuery({
    queryKey: followUpKeys.stats(query),
    queryFn: () => api.followUps.stats(query),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 60_000,
  });
}
