/** Router paths (inside the /portal basename) that login may send the user back to. */
export const LOGIN_PATH = '/login';

/**
 * The in-app path to go to after login. Anything that is not a plain absolute app path
 * (another origin, `//host`, `/\host`, the login page itself) falls back to home.
 */
export function safeRedirect(target: string | null | undefined): string {
  if (!target || !target.startsWith('/')) return '/';
  if (target.startsWith('//') || target.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f]/.test(target)) return '/';
  const pathname = target.split(/[?#]/)[0] ?? '';
  if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return '/';
  return target;
}

/** The login page, remembering where the user wanted to go. */
export function loginPath(from: string): string {
  const target = safeRedirect(from);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?redirect=${encodeURIComponent(target)}`;
}
