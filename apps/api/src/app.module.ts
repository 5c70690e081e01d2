import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard.js';
import { ClockModule } from './common/clock/clock.module.js';
import { buildLoggerOptions } from './common/logging/logger-options.js';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/config.module.js';
import { buildDataSourceOptions } from './database/data-source-options.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CustomersModule } from './modules/customers/customers.module.js';
import { FollowUpsModule } from './modules/follow-ups/follow-ups.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { ProspectsModule } from './modules/prospects/prospects.module.js';
import { StaffModule } from './modules/staff/staff.module.js';
import { StoresModule } from './modules/stores/stores.module.js';
import { SurveysModule } from './modules/surveys/surveys.module.js';
import { TestDrivesModule } from './modules/test-drives/test-drives.module.js';
import { DeliveriesModule } from './modules/deliveries/deliveries.module.js';
import { VehicleModelsModule } from './modules/vehicle-models/vehicle-models.module.js';

/** What a process may set besides its configuration. */
export interface AppOptions {
  /** Where log lines go instead of stdout (tests capture them here). */
  logDestination?: DestinationStream;
}

/** The root module is built from a loaded configuration, so tests can boot it on their own database. */
@Module({})
export class AppModule {
  static forConfig(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(buildLoggerOptions(config, options.logDestination)),
        TypeOrmModule.forRoot(buildDataSourceOptions(config)),
        JwtModule.register({
          global: true,
          // A key object, not the string: jsonwebtoken otherwise tries the string as a public key
          // first (a thrown and caught parse) on every verify, 15 % of a cheap request's CPU.
          secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')),
          signOptions: { algorithm: 'HS256', issuer: 'dealer-care' },
          verifyOptions: { algorithms: ['HS256'], issuer: 'dealer-care' },
        }),
        ClockModule,
        JobsModule,
        HealthModule,
        AuthModule,
        StaffModule,
        CustomersModule,
        StoresModule,
        VehicleModelsModule,
        TestDrivesModule,
        DeliveriesModule,
        SurveysModule,
        NotificationsModule,
        FollowUpsModule,
        ProspectsModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
