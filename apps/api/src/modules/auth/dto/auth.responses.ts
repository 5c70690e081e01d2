import { ApiProperty } from '@nestjs/swagger';
import type { CustomerProfile, CustomerSession, StaffSession, StaffUser } from '@dealer-care/domain';
import { CustomerProfileResponse } from '../../customers/dto/customer-profile.response.js';
import { StaffUserResponse } from '../../staff/dto/staff-user.response.js';

export class StaffSessionResponse implements StaffSession {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 43200 }) expiresIn: number;
  @ApiProperty({ type: StaffUserResponse }) staff: StaffUser;
}

export class CustomerSessionResponse implements CustomerSession {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 604800 }) expiresIn: number;
  @ApiProperty({ type: CustomerProfileResponse }) customer: CustomerProfile;
}
