import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, type FieldError, type ProblemDetails } from '@dealer-care/domain';

class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'username' }) field: string;
  @ApiProperty({ example: '不能为空' }) message: string;
}

/** OpenAPI schema of every error answer (application/problem+json). */
export class ProblemDetailsDto implements ProblemDetails {
  @ApiProperty({ example: 'https://dealer-care.cn/problems/validation-failed' }) type: string;
  @ApiProperty({ example: '提交的信息有误，请检查后重试' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiPropertyOptional({ example: '以下信息有误：username 不能为空' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/auth/staff/login' }) instance?: string;
  @ApiProperty({ enum: Object.values(ErrorCode) }) code: ProblemDetails['code'];
  @ApiPropertyOptional() requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldError[];
}
