import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import type { RouteHandle } from './access';
import { RequireAuth } from './auth/RequireAuth';
import { PageSpin } from './components/PageSpin';
import { NotFound, RouteError } from './components/RouteError';

const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter(
  [
    {
      path: '/login',
      lazy: page(() => import('./pages/login')),
      HydrateFallback: PageSpin,
      ErrorBoundary: RouteError,
    },
    {
      path: '/',
      Component: RequireAuth,
      HydrateFallback: PageSpin,
      ErrorBoundary: RouteError,
      children: [
        {
          lazy: page(() => import('./layout')),
          children: [
            {
              ErrorBoundary: RouteError,
              children: [
                {
                  index: true,
                  handle: { section: 'home' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/home')),
                },
                {
                  path: 'stores',
                  handle: { section: 'stores' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/stores')),
                },
                {
                  path: 'test-drives',
                  handle: { section: 'test-drives' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/test-drives')),
                },
                {
                  path: 'deliveries',
                  handle: { section: 'deliveries' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/deliveries')),
                },
                {
                  path: 'follow-ups',
                  handle: { section: 'follow-ups' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/follow-ups')),
                },
                {
                  path: 'customers',
                  handle: { section: 'customers' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/customers')),
                },
                {
                  path: 'customers/:prospectId',
                  handle: { section: 'customers' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/customers/CardPage')),
                },
                {
                  path: 'satisfaction',
                  handle: { section: 'satisfaction' } satisfies RouteHandle,
                  lazy: page(() => import('./pages/satisfaction')),
                },
                { path: '*', Component: NotFound },
              ],
            },
          ],
        },
      ],
    },
  ],
  { basename: '/portal' },
);
