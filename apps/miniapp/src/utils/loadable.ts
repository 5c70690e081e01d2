/** UI state of one remote resource. */
export type Loadable<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

export const loading = { status: 'loading' } as const;
