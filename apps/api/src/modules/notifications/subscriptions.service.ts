import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  knownTemplateIds,
  MAX_SUBSCRIPTION_GRANTS,
  subscriptionTemplateIds,
  type RecordSubscriptionsRequest,
  type SubscriptionMoment,
  type SubscriptionTemplates,
} from '@dealer-care/domain';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { WechatSubscriptionEntity } from './wechat-subscription.entity.js';

/**
 * The customer's one-time subscription grants (一次性订阅消息): which templates to ask for at a
 * moment, and what they chose. Each accept is one message we may send; reject or ban ends them.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: TransactionRunner,
  ) {}

  templates(moment: SubscriptionMoment): SubscriptionTemplates {
    return { moment, templateIds: subscriptionTemplateIds(this.config.wechat.subscribeTemplates, moment) };
  }

  async record(customerId: number, request: RecordSubscriptionsRequest): Promise<void> {
    const known = knownTemplateIds(this.config.wechat.subscribeTemplates);
    const unknown = Object.keys(request.choices).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainException(ErrorCode.ValidationFailed, '包含未知的订阅消息模板', [
        { field: 'choices', message: `未知的模板：${unknown.join('、')}` },
      ]);
    }
    await this.transactions.run(async (manager) => {
      for (const [templateId, choice] of Object.entries(request.choices)) {
        // `filter` (WeChat hid the request, e.g. a template under review) changes nothing.
        if (choice === 'filter') continue;
        await manager
          .createQueryBuilder()
          .insert()
          .into(WechatSubscriptionEntity)
          .values({ customerId, templateId, remaining: 0, lastChoice: choice })
          .orIgnore()
          .execute();
        await manager
          .createQueryBuilder()
          .update(WechatSubscriptionEntity)
          .set({
            lastChoice: choice,
            remaining:
              choice === 'accept'
                ? () =>
                    `CASE WHEN remaining >= ${MAX_SUBSCRIPTION_GRANTS} THEN ${MAX_SUBSCRIPTION_GRANTS} ELSE remaining + 1 END`
                : 0,
          })
          .where('customer_id = :customerId AND template_id = :templateId', { customerId, templateId })
          .execute();
      }
    });
  }
}
