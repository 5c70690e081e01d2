import { ApiProperty } from '@nestjs/swagger';
import type { CustomerProfile } from '@dealer-care/domain';

export class CustomerProfileResponse implements CustomerProfile {
  @ApiProperty() id: number;
  @ApiProperty({ type: String, nullable: true, example: '小陈' }) nickname: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' }) phoneMasked: string | null;
  @ApiProperty() hasPhone: boolean;
}
