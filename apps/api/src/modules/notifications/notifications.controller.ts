import { EmptyBody } from '../../common/validation/validation.pipe.js';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationListItem, Page, SubscriptionTemplates } from '@dealer-care/domain';
import { CurrentCustomer, CurrentStaff, CustomerAuth, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import {
  NotificationListItemResponse,
  NotificationPageResponse,
  NotificationsQueryDto,
  RecordSubscriptionsBody,
  SubscriptionTemplatesQueryDto,
  SubscriptionTemplatesResponse,
} from './dto/notification.dto.js';
import { StaffNotificationsService } from './staff-notifications.service.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** The fate of customer messages (消息投递), for the store's staff. */
@ApiTags('staff')
@Controller('staff/notifications')
@StaffAuth()
export class StaffNotificationsController {
  constructor(private readonly notifications: StaffNotificationsService) {}

  @Get()
  @ApiOperation({ summary: "Messages of the caller's stores, newest first, with their fate" })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiProblems(400, 401, 403)
  list(
    @CurrentStaff() principal: StaffPrincipal,
    @Query() query: NotificationsQueryDto,
  ): Promise<Page<NotificationListItem>> {
    return this.notifications.list(principal, query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @StaffAuth('manager', 'admin')
  @ApiOperation({ summary: 'Queue a failed message again; managers and admins' })
  @ApiOkResponse({ type: NotificationListItemResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  retry(
    @CurrentStaff() principal: StaffPrincipal,
    @Param('id', IdParamPipe) id: number,
    @Body() _body: EmptyBody,
  ): Promise<NotificationListItem> {
    return this.notifications.retry(principal, id);
  }
}

/** The customer's subscriptions to messages (订阅消息), asked for in the mini-program. */
@ApiTags('customer')
@Controller('notifications/subscriptions')
@CustomerAuth()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  @ApiOperation({ summary: 'Template ids to pass to requestSubscribeMessage at a moment (at most 3)' })
  @ApiOkResponse({ type: SubscriptionTemplatesResponse })
  @ApiProblems(400, 401)
  templates(@Query() query: SubscriptionTemplatesQueryDto): SubscriptionTemplates {
    return this.subscriptions.templates(query.moment);
  }

  @Post()
  @HttpCode(204)
  @ApiOperation({ summary: "Record the customer's choices: each accept allows one message of that template" })
  @ApiNoContentResponse()
  @ApiProblems(400, 401)
  async record(
    @CurrentCustomer() customer: CustomerPrincipal,
    @Body() body: RecordSubscriptionsBody,
  ): Promise<void> {
    await this.subscriptions.record(customer.id, body);
  }
}
