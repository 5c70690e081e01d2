import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  SUBSCRIPTION_MOMENTS,
  type NotificationKind,
  type NotificationListItem,
  type NotificationsQuery,
  type NotificationStatus,
  type NotificationSubjectType,
  type Page,
  type RecordSubscriptionsRequest,
  type SubscriptionChoice,
  type SubscriptionMoment,
  type SubscriptionTemplates,
} from '@dealer-care/domain';

export const SUBSCRIPTION_CHOICES: readonly SubscriptionChoice[] = ['accept', 'reject', 'ban', 'filter'];
export const NOTIFICATIONS_MAX_PAGE_SIZE = 100;
export const NOTIFICATIONS_DEFAULT_PAGE_SIZE = 20;

const MOMENT_MESSAGE = { message: `订阅时机应为 ${SUBSCRIPTION_MOMENTS.join('、')} 之一` };

/** Every value of an object is one of the choices requestSubscribeMessage answers, at most 10 keys. */
function SubscriptionChoices(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'subscriptionChoices',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length > 0 &&
          Object.keys(value).length <= 10 &&
          Object.values(value).every((choice) =>
            (SUBSCRIPTION_CHOICES as readonly unknown[]).includes(choice),
          ),
      },
    },
    options,
  );
}

export class SubscriptionTemplatesQueryDto {
  @ApiProperty({ enum: SUBSCRIPTION_MOMENTS })
  @IsDefined(MOMENT_MESSAGE)
  @IsIn(SUBSCRIPTION_MOMENTS, MOMENT_MESSAGE)
  moment: SubscriptionMoment;
}

export class RecordSubscriptionsBody implements RecordSubscriptionsRequest {
  @ApiProperty({ enum: SUBSCRIPTION_MOMENTS })
  @IsDefined(MOMENT_MESSAGE)
  @IsIn(SUBSCRIPTION_MOMENTS, MOMENT_MESSAGE)
  moment: SubscriptionMoment;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...SUBSCRIPTION_CHOICES] },
    example: { tmpl_test_drive_result: 'accept', tmpl_test_drive_time_change: 'reject' },
    description: 'Template id → what the customer chose in requestSubscribeMessage',
  })
  @IsDefined({ message: '请提交订阅结果' })
  @IsObject({ message: '订阅结果格式不正确' })
  @SubscriptionChoices({ message: '订阅结果应为 1–10 个模板，每个为 accept、reject、ban 或 filter' })
  choices: Record<string, SubscriptionChoice>;
}

export class SubscriptionTemplatesResponse implements SubscriptionTemplates {
  @ApiProperty({ enum: SUBSCRIPTION_MOMENTS }) moment: SubscriptionMoment;
  @ApiProperty({ type: [String], maxItems: 3 }) templateIds: string[];
}

export class NotificationsQueryDto implements NotificationsQuery {
  @ApiPropertyOptional({ description: 'One store (admins: default all stores)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '门店编号应为正整数' })
  @Min(1, { message: '门店编号应为正整数' })
  @Max(2_147_483_647, { message: '门店编号应为正整数' })
  storeId?: number;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: `状态应为 ${NOTIFICATION_STATUSES.join('、')} 之一` })
  status?: NotificationStatus;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码应为正整数' })
  @Min(1, { message: '页码应为正整数' })
  @Max(100_000, { message: '页码过大' })
  page?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: NOTIFICATIONS_MAX_PAGE_SIZE,
    default: NOTIFICATIONS_DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `每页条数应为 1–${NOTIFICATIONS_MAX_PAGE_SIZE} 的整数` })
  @Min(1, { message: `每页条数应为 1–${NOTIFICATIONS_MAX_PAGE_SIZE} 的整数` })
  @Max(NOTIFICATIONS_MAX_PAGE_SIZE, { message: `每页条数应为 1–${NOTIFICATIONS_MAX_PAGE_SIZE} 的整数` })
  pageSize?: number;
}

export class NotificationListItemResponse implements NotificationListItem {
  @ApiProperty() id: number;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status: NotificationStatus;
  @ApiProperty({ type: Number, nullable: true }) storeId: number | null;
  @ApiProperty() customerName: string;
  @ApiProperty({ example: '138****8000' }) mobileMasked: string;
  @ApiProperty({ enum: ['test_drive_booking', 'delivery', 'survey_invitation'] })
  subjectType: NotificationSubjectType;
  @ApiProperty() subjectId: number;
  @ApiProperty({ example: '试驾 云岚 星河 (TD8K2M4Q)' }) subject: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) fallbackTaskId: number | null;
}

export class NotificationPageResponse implements Page<NotificationListItem> {
  @ApiProperty({ type: [NotificationListItemResponse] }) items: NotificationListItemResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
