import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StaffUser } from '@dealer-care/domain';
import { CurrentStaff, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { StaffUserResponse } from './dto/staff-user.response.js';
import { StaffService } from './staff.service.js';

@ApiTags('staff')
@Controller('staff/users')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @StaffAuth('manager', 'admin')
  @ApiOperation({ summary: "Staff of the caller's store (every store for admins)" })
  @ApiOkResponse({ type: [StaffUserResponse] })
  @ApiProblems(401, 403)
  list(@CurrentStaff() principal: StaffPrincipal): Promise<StaffUser[]> {
    return this.staff.listInScope(principal);
  }
}
