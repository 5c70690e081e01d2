/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare module '*.module.scss' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}

declare namespace NodeJS {
  interface ProcessEnv {
    /** Injected by Taro at build time; shapes the output. */
    NODE_ENV: 'development' | 'production';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** Mini-program AppID for this build (Taro's special variable). */
    TARO_APP_ID?: string;
    /**
     * Origin and prefix of the API. Defaults (config/index.ts): `/api` for H5 (served by the API on
     * the same origin), `http://127.0.0.1:3000/api` for weapp in DevTools with 不校验合法域名.
     */
    TARO_APP_API_BASE: string;
    /** Dealer group name for the home page header (default `Dealer Care 车主服务`). */
    TARO_APP_DEALER_NAME: string;
  }
}
