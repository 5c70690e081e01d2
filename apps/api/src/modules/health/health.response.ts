import { ApiProperty } from '@nestjs/swagger';

class HealthIndicatorResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
}

class HealthDetailsResponse {
  @ApiProperty({ type: HealthIndicatorResponse }) database: HealthIndicatorResponse;
}

/** Shape of @nestjs/terminus's answer, documented for monitoring tools. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: HealthDetailsResponse }) info: HealthDetailsResponse;
  @ApiProperty({ type: HealthDetailsResponse }) details: HealthDetailsResponse;
}
