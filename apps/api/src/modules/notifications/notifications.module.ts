import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';
import { NotificationSender } from './notification-sender.js';
import { StaffNotificationsController, SubscriptionsController } from './notifications.controller.js';
import { StaffNotificationsService } from './staff-notifications.service.js';
import { SubscriptionsService } from './subscriptions.service.js';

/**
 * Customer messages: the sender (job `notification.send`, WeChat subscription messages with a call
 * as fallback), the staff view of their fate, and the customer's subscription grants.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationOutboxEntity]), WechatModule],
  controllers: [StaffNotificationsController, SubscriptionsController],
  providers: [NotificationSender, StaffNotificationsService, SubscriptionsService, TransactionRunner],
})
export class NotificationsModule {}
