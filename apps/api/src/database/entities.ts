import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity.js';
import { CustomerEntity } from '../modules/customers/customer.entity.js';
import { DeliveryChecklistTemplateEntity } from '../modules/deliveries/entities/delivery-checklist-template.entity.js';
import { DeliveryConfirmationEntity } from '../modules/deliveries/entities/delivery-confirmation.entity.js';
import { DeliveryEventEntity } from '../modules/deliveries/entities/delivery-event.entity.js';
import { DeliverySignatureEntity } from '../modules/deliveries/entities/delivery-signature.entity.js';
import { SalesOrderEntity } from '../modules/deliveries/entities/sales-order.entity.js';
import { NotificationOutboxEntity } from '../modules/notifications/notification-outbox.entity.js';
import { StaffUserEntity } from '../modules/staff/staff-user.entity.js';
import { LowScoreCaseEntity } from '../modules/surveys/entities/low-score-case.entity.js';
import { ProcessAuditEntity } from '../modules/surveys/entities/process-audit.entity.js';
import { SurveyFactorScoreEntity } from '../modules/surveys/entities/survey-factor-score.entity.js';
import { SurveyInvitationEntity } from '../modules/surveys/entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from '../modules/surveys/entities/survey-response.entity.js';
import { SurveyTemplateEntity } from '../modules/surveys/entities/survey-template.entity.js';
import { StoreClosedDateEntity } from '../modules/stores/store-closed-date.entity.js';
import { StoreOpeningPeriodEntity } from '../modules/stores/store-opening-period.entity.js';
import { StoreEntity } from '../modules/stores/store.entity.js';
import { TestDriveCarEntity } from '../modules/stores/test-drive-car.entity.js';
import { TestDriveBookingEventEntity } from '../modules/test-drives/entities/test-drive-booking-event.entity.js';
import { TestDriveBookingEntity } from '../modules/test-drives/entities/test-drive-booking.entity.js';
import { TestDriveCarHoldEntity } from '../modules/test-drives/entities/test-drive-car-hold.entity.js';
import { TestDriveConsentEntity } from '../modules/test-drives/entities/test-drive-consent.entity.js';
import { TestDrivePolicyEntity } from '../modules/test-drives/entities/test-drive-policy.entity.js';
import { JobEntity } from '../modules/jobs/job.entity.js';
import { FollowUpTaskEntity } from '../modules/follow-ups/entities/follow-up-task.entity.js';
import { ContactLogEntity } from '../modules/prospects/entities/contact-log.entity.js';
import { IntentChangeEntity } from '../modules/prospects/entities/intent-change.entity.js';
import { ProspectEntity } from '../modules/prospects/entities/prospect.entity.js';
import { WechatSubscriptionEntity } from '../modules/notifications/wechat-subscription.entity.js';
import { VehicleModelEntity } from '../modules/vehicle-models/vehicle-model.entity.js';

/** Every entity, listed explicitly: globs do not load reliably under native ESM. */
export const ENTITIES = [
  StoreEntity,
  StoreOpeningPeriodEntity,
  StoreClosedDateEntity,
  VehicleModelEntity,
  TestDriveCarEntity,
  StaffUserEntity,
  CustomerEntity,
  TestDrivePolicyEntity,
  TestDriveConsentEntity,
  TestDriveBookingEntity,
  TestDriveCarHoldEntity,
  TestDriveBookingEventEntity,
  IdempotencyKeyEntity,
  NotificationOutboxEntity,
  SalesOrderEntity,
  DeliveryEventEntity,
  DeliveryConfirmationEntity,
  DeliverySignatureEntity,
  DeliveryChecklistTemplateEntity,
  SurveyTemplateEntity,
  SurveyInvitationEntity,
  SurveyResponseEntity,
  SurveyFactorScoreEntity,
  LowScoreCaseEntity,
  ProcessAuditEntity,
  JobEntity,
  ProspectEntity,
  FollowUpTaskEntity,
  ContactLogEntity,
  IntentChangeEntity,
  WechatSubscriptionEntity,
];
