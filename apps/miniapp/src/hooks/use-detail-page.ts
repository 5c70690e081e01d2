import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useLoad, usePullDownRefresh } from '@tarojs/taro';
import { isUnauthenticated } from '../utils/errors';
import { goLogin } from '../utils/navigation';
import { useRemote } from './use-remote';

interface DetailPageOptions {
  /** The page's path, opened again with the same id after a login. */
  page: string;
  /** Whether the page shown again may refresh the item now (not while the customer is busy with it). */
  refreshOnShow?: () => boolean;
}

/**
 * The item a detail page opened with `?id=` shows: loaded with the page, refreshed when the page is
 * shown again (the store may have changed it meanwhile) and on pull-down; a lost session sends the
 * customer to log in and back. `fetch` must be a stable function.
 */
export function useDetailPage<T>(
  fetch: (id: number) => Promise<T>,
  { page, refreshOnShow }: DetailPageOptions,
) {
  const [id, setId] = useState<number | null>(null);
  const { state, setState, load } = useRemote(fetch);

  /** Loads the item again (nothing before the page has its id). */
  const reload = useCallback(
    async (showLoading: boolean) => {
      if (id !== null) await load(showLoading, id);
    },
    [id, load],
  );

  /** Sends the customer to log in, then back to this item. */
  const loginAgain = useCallback(() => goLogin(`${page}?id=${id}`), [page, id]);

  useLoad((params: Record<string, string | undefined>) => {
    const value = Number(params.id);
    if (!Number.isInteger(value) || value <= 0) {
      setState({ status: 'error', error: new Error('bad id') });
      return;
    }
    setId(value);
    void load(true, value);
  });

  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current && id !== null && (refreshOnShow?.() ?? true)) void load(false, id);
    shownOnce.current = true;
  });

  usePullDownRefresh(() => {
    void reload(false).finally(() => Taro.stopPullDownRefresh());
  });

  useEffect(() => {
    if (state.status === 'error' && isUnauthenticated(state.error) && id !== null) {
      void Taro.showToast({ title: '请先登录', icon: 'none' });
      loginAgain();
    }
  }, [state, id, loginAgain]);

  /**
   * Runs one action on the item: its answer (the item as it now is) replaces the one shown, with
   * `success` in a toast. A lost session sends the customer to log in; any other failure goes to
   * `onError`. Resolves to whether the action succeeded.
   */
  async function perform(
    action: () => Promise<T>,
    success: string,
    onError: (error: unknown) => void,
  ): Promise<boolean> {
    try {
      const updated = await action();
      setState({ status: 'ready', data: updated });
      void Taro.showToast({ title: success, icon: 'success' });
      return true;
    } catch (error) {
      if (isUnauthenticated(error)) loginAgain();
      else onError(error);
      return false;
    }
  }

  return { state, reload, perform };
}
