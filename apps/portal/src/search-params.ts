import { useSearchParams } from 'react-router';

/** Changes to a page's query string: a value sets a parameter, null removes it. */
export type ParamChanges = Record<string, string | null>;

/** `previous` with `changes` applied; every other parameter is kept. */
export function withParams(previous: URLSearchParams, changes: ParamChanges): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/**
 * The page's query string, where a section keeps what it shows (the day, the open record), and
 * a way to change some of it in place: no new history entry for each click.
 */
export function usePageParams(): [URLSearchParams, (changes: ParamChanges) => void] {
  const [params, setParams] = useSearchParams();
  const update = (changes: ParamChanges) =>
    setParams((previous) => withParams(previous, changes), { replace: true });
  return [params, update];
}
