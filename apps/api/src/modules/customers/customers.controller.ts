import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CustomerProfile } from '@dealer-care/domain';
import { CurrentCustomer, CustomerAuth } from '../../common/auth/auth.decorators.js';
import type { CustomerPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { CustomerProfileResponse } from './dto/customer-profile.response.js';
import { CustomersService } from './customers.service.js';

@ApiTags('customer')
@Controller('me')
@CustomerAuth()
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @ApiOperation({ summary: "The logged-in customer's profile (phone masked)" })
  @ApiOkResponse({ type: CustomerProfileResponse })
  @ApiProblems(401, 403)
  me(@CurrentCustomer() customer: CustomerPrincipal): Promise<CustomerProfile> {
    return this.customers.profile(customer.id);
  }
}
