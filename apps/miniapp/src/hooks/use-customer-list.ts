import { useCallback, useEffect, useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useSession } from '../services/session';
import { isUnauthenticated } from '../utils/errors';
import { useRemote } from './use-remote';

/**
 * The logged-in customer's own list (我的试驾, 我的交车): loaded once there is a customer, refreshed
 * when the page is shown again (back from an item changed on its detail page, or from the
 * background) and on pull-down. `fetch` must be a stable function.
 */
export function useCustomerList<T>(fetch: () => Promise<T[]>) {
  const { customer } = useSession();
  const { state, load } = useRemote(fetch);
  const loaded = useRef(false);

  const reload = useCallback(
    async (showLoading: boolean) => {
      if (await load(showLoading)) loaded.current = true;
    },
    [load],
  );

  useEffect(() => {
    if (customer) void reload(true);
  }, [customer, reload]);

  useDidShow(() => {
    if (loaded.current) void reload(false);
  });

  usePullDownRefresh(() => {
    void reload(false).finally(() => Taro.stopPullDownRefresh());
  });

  return {
    customer,
    list: state,
    reload,
    /** The server no longer knows the session: the page asks for a login as when logged out. */
    sessionLost: state.status === 'error' && isUnauthenticated(state.error),
  };
}
