import { Body, Controller, Delete, Get, Inject, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { ErrorCode } from '@dealer-care/domain';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { Public } from '../auth/auth.decorators.js';
import { ApiProblems } from '../openapi/api-problems.decorator.js';
import { DomainException } from '../problem/domain.exception.js';
import { Clock } from './clock.js';

export class SetClockBody {
  @ApiProperty({ example: '2026-11-25T02:00:00.000Z', description: 'ISO instant the clock jumps to' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: '请填写有效的时间（ISO 8601）' })
  at: string;
}

export class ClockResponse {
  @ApiProperty() now: string;
  @ApiProperty({ description: 'True while the clock is moved away from real time' }) shifted: boolean;
}

/**
 * Moves the follow-up clock in development, for browser journeys. Open like the development
 * login, and like it refused unless AUTH_DEV_LOGIN is on and never in production.
 */
@ApiTags('dev')
@Controller('dev/clock')
@Public()
export class DevClockController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The follow-up clock (development only)' })
  @ApiOkResponse({ type: ClockResponse })
  @ApiProblems(403)
  get(): ClockResponse {
    this.assertEnabled();
    return this.answer();
  }

  @Put()
  @ApiOperation({
    summary: 'Move the follow-up clock to a moment; it keeps running from there (development only)',
  })
  @ApiOkResponse({ type: ClockResponse })
  @ApiProblems(400, 403)
  set(@Body() body: SetClockBody): ClockResponse {
    this.assertEnabled();
    const at = new Date(body.at);
    if (Number.isNaN(at.getTime())) {
      throw new DomainException(ErrorCode.ValidationFailed, '请填写有效的时间（ISO 8601）', [
        { field: 'at', message: '请填写有效的时间（ISO 8601）' },
      ]);
    }
    this.clock.setNow(at);
    return this.answer();
  }

  @Delete()
  @ApiOperation({ summary: 'Back to real time (development only)' })
  @ApiOkResponse({ type: ClockResponse })
  @ApiProblems(403)
  reset(): ClockResponse {
    this.assertEnabled();
    this.clock.reset();
    return this.answer();
  }

  private assertEnabled(): void {
    if (!this.config.devLoginEnabled || this.config.nodeEnv === 'production') {
      throw new DomainException(ErrorCode.Forbidden, '开发时钟未开放');
    }
  }

  private answer(): ClockResponse {
    return { now: this.clock.now().toISOString(), shifted: this.clock.shifted };
  }
}
