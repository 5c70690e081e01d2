import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransactionRunner } from '../../common/database/transaction-runner.js';
import { IdempotencyKeyEntity } from '../../common/idempotency/idempotency-key.entity.js';
import { IdempotencyService } from '../../common/idempotency/idempotency.service.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { SalesOrderEntity } from '../deliveries/entities/sales-order.entity.js';
import { StaffUserEntity } from '../staff/staff-user.entity.js';
import { StoreEntity } from '../stores/store.entity.js';
import { LowScoreCaseEntity } from './entities/low-score-case.entity.js';
import { ProcessAuditEntity } from './entities/process-audit.entity.js';
import { SurveyFactorScoreEntity } from './entities/survey-factor-score.entity.js';
import { SurveyInvitationEntity } from './entities/survey-invitation.entity.js';
import { SurveyResponseEntity } from './entities/survey-response.entity.js';
import { SurveyTemplateEntity } from './entities/survey-template.entity.js';
import { ProcessAuditController } from './process-audit.controller.js';
import { ProcessAuditService } from './process-audit.service.js';
import { SatisfactionCasesController } from './satisfaction-cases.controller.js';
import { SatisfactionReportController } from './satisfaction-report.controller.js';
import { SatisfactionReportService } from './satisfaction-report.service.js';
import { SurveyCasesService } from './survey-cases.service.js';
import { SurveyDispatcher } from './survey-dispatcher.js';
import { SurveyInvitationsService } from './survey-invitations.service.js';
import { SurveyTemplatesController } from './survey-templates.controller.js';
import { SurveyTemplatesService } from './survey-templates.service.js';
import { SurveyTokenSigner } from './survey-token.js';
import { SurveysController } from './surveys.controller.js';
import { SurveysService } from './surveys.service.js';

/**
 * Satisfaction surveys: invitations created by journey events (createSurveyInvitation, called in
 * the test-drive and delivery transactions), the dispatcher, the customer's answering, low-score
 * cases and versioned templates; the satisfaction dashboard and process audits (过程检核).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SurveyTemplateEntity,
      SurveyInvitationEntity,
      SurveyResponseEntity,
      SurveyFactorScoreEntity,
      LowScoreCaseEntity,
      ProcessAuditEntity,
      StoreEntity,
      StaffUserEntity,
      CustomerEntity,
      SalesOrderEntity,
      IdempotencyKeyEntity,
    ]),
  ],
  controllers: [
    SurveysController,
    SatisfactionCasesController,
    SurveyTemplatesController,
    SatisfactionReportController,
    ProcessAuditController,
  ],
  providers: [
    SurveysService,
    SurveyDispatcher,
    SurveyTokenSigner,
    SurveyCasesService,
    SurveyTemplatesService,
    SatisfactionReportService,
    SurveyInvitationsService,
    ProcessAuditService,
    TransactionRunner,
    IdempotencyService,
  ],
  exports: [SurveyDispatcher, SurveyTokenSigner],
})
export class SurveysModule {}
