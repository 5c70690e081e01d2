import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '@dealer-care/domain';

export class StaffUserResponse implements StaffUser {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'gz.chen' }) username: string;
  @ApiProperty({ example: '陈晓明' }) displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ type: Number, nullable: true }) storeId: number | null;
  @ApiProperty() active: boolean;
}
