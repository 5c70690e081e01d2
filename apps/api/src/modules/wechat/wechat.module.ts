import { Module } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { WechatApiClient } from './wechat-api.client.js';

/** One WeChat client per process, so its access_token cache is shared by every caller. */
@Module({
  providers: [
    {
      provide: WechatApiClient,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new WechatApiClient(config.wechat),
    },
  ],
  exports: [WechatApiClient],
})
export class WechatModule {}
