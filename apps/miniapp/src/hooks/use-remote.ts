import { useCallback, useState } from 'react';
import { isUnauthenticated } from '../utils/errors';
import { loading, type Loadable } from '../utils/loadable';

/**
 * One remote resource. `load(showLoading, ...args)` fetches it and resolves to whether it arrived;
 * a background refresh (`showLoading` false) that fails keeps what is shown, unless the session has
 * gone (the page then asks for a login). `fetch` must be a stable function (a module-level one, or
 * one from useCallback).
 */
export function useRemote<T, A extends unknown[]>(fetch: (...args: A) => Promise<T>) {
  const [state, setState] = useState<Loadable<T>>(loading);

  const load = useCallback(
    async (showLoading: boolean, ...args: A): Promise<boolean> => {
      if (showLoading) setState(loading);
      try {
        const data = await fetch(...args);
        setState({ status: 'ready', data });
        return true;
      } catch (error) {
        setState((previous) =>
          !showLoading && previous.status === 'ready' && !isUnauthenticated(error)
            ? previous
            : { status: 'error', error },
        );
        return false;
      }
    },
    [fetch],
  );

  return { state, setState, load };
}
