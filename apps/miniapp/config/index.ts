import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Workspace packages are pnpm symlinks resolved to their real path (packages/<name>/dist), outside
 * node_modules, so Taro's script rule would not transpile them: include them explicitly so their
 * ES2022 output goes through babel-preset-taro like the app's own code.
 */
const workspacePackages = ['domain', 'api-client'].map((name) =>
  path.resolve(__dirname, '..', '..', '..', 'packages', name),
);

/** API base URL: TARO_APP_API_BASE (shell or .env file), else same-origin /api for H5, local API for DevTools. */
const apiBase = process.env.TARO_APP_API_BASE || (isH5 ? '/api' : 'http://127.0.0.1:3000/api');

/** Shown in the home page header; one build per dealer group. */
const dealerName = process.env.TARO_APP_DEALER_NAME || 'Dealer Care 车主服务';

const cssModules = {
  enable: true, // only files named *.module.scss are CSS modules
  config: {
    namingPattern: 'module' as const,
    generateScopedName: '[name]__[local]___[hash:base64:5]',
  },
};

// https://docs.taro.zone/docs/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dealer-care-miniapp',
    date: '2026-11-23',
    // NutUI is drawn for a 375 px design, the app's own styles for 750.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/');
      return file && file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      TARO_APP_DEALER_NAME: JSON.stringify(dealerName),
    },
    defineConstants: {},
    alias: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      prebundle: {
        // Prebundling (dev only) breaks NutUI templates and would freeze the workspace packages.
        exclude: [
          '@nutui/nutui-react-taro',
          '@nutui/icons-react-taro',
          '@dealer-care/domain',
          '@dealer-care/api-client',
        ],
      },
    },
    compile: {
      include: workspacePackages,
    },
    cache: {
      enable: false,
    },
    mini: {
      // Modules used only by subpackages stay out of the main package.
      optimizeMainPackage: { enable: true },
      // NutUI's per-component stylesheets have no meaningful order between them.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules,
      },
    },
    h5: {
      // Served by the API under /m/ (static files with an SPA fallback); hash routing needs no server rules.
      publicPath: '/m/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules,
      },
      webpackChain(chain) {
        // Taro splits only initial chunks, so every lazily loaded page carried its own copy of NutUI
        // and of the shared components; let the pages share them.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
        // React DOM + Taro's H5 runtime alone are ~330 KB (~100 KB gzipped); warn only well above that.
        chain.performance.maxEntrypointSize(450 * 1024).maxAssetSize(300 * 1024);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
