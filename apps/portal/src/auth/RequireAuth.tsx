import { Navigate, Outlet, useLocation } from 'react-router';
import { LOGIN_PATH, loginPath } from './redirect';
import { lastSessionEnd } from './session';
import { useSession } from './use-session';

/** Renders the signed-in part of the app, or sends the visitor to login and back afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    // After 退出登录 start afresh; after an expired session come back to the same page.
    const to =
      lastSessionEnd()?.kind === 'signed-out'
        ? LOGIN_PATH
        : loginPath(location.pathname + location.search + location.hash);
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}
