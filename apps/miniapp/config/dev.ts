import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {
    // `pnpm dev:h5` serves on http://localhost:10086/m/ and forwards /api to the local API.
    devServer: {
      proxy: {
        '/api': {
          target: process.env.DEV_API_PROXY || 'http://127.0.0.1:3000',
          changeOrigin: true,
        },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
