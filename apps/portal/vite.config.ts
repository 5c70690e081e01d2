import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The API serves the built portal under /portal/ on the same origin; in development
// Vite proxies /api to a locally running API.
const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    rolldownOptions: {
      output: {
        // The framework every page needs, in one long-cached chunk; antd splits per page.
        advancedChunks: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/][^\\/]+)[\\/]/,
            },
            {
              // The satisfaction charts' renderer, apart from echarts itself: both load only with
              // the first chart, and neither chunk goes over the 500 kB warning on its own.
              name: 'zrender',
              test: /node_modules[\\/]zrender[\\/]/,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
