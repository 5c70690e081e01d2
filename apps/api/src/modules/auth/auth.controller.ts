import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CustomerProfile, CustomerSession, StaffSession, StaffUser } from '@dealer-care/domain';
import {
  CurrentCustomer,
  CurrentStaff,
  CustomerAuth,
  Public,
  StaffAuth,
} from '../../common/auth/auth.decorators.js';
import type { CustomerPrincipal, StaffPrincipal } from '../../common/auth/principal.js';
import { LoginRateLimit } from '../../common/http/rate-limit.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { CustomerProfileResponse } from '../customers/dto/customer-profile.response.js';
import { StaffUserResponse } from '../staff/dto/staff-user.response.js';
import { StaffService } from '../staff/staff.service.js';
import { AuthService } from './auth.service.js';
import { BindPhoneBody, DevLoginBody, StaffLoginBody, WechatLoginBody } from './dto/auth.requests.js';
import { CustomerSessionResponse, StaffSessionResponse } from './dto/auth.responses.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly staff: StaffService,
  ) {}

  @Public()
  @LoginRateLimit()
  @Post('staff/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff login with username and password' })
  @ApiOkResponse({ type: StaffSessionResponse })
  @ApiProblems(400, 401, 429)
  loginStaff(@Body() body: StaffLoginBody): Promise<StaffSession> {
    return this.auth.loginStaff(body.username, body.password);
  }

  @Get('staff/me')
  @StaffAuth()
  @ApiOperation({ summary: 'The logged-in member of staff' })
  @ApiOkResponse({ type: StaffUserResponse })
  @ApiProblems(401, 403)
  staffMe(@CurrentStaff() principal: StaffPrincipal): Promise<StaffUser> {
    return this.staff.me(principal);
  }

  @Public()
  @LoginRateLimit()
  @Post('wechat/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Customer login with a wx.login code (jscode2session on the server)' })
  @ApiOkResponse({ type: CustomerSessionResponse })
  @ApiProblems(400, 429, 502)
  loginWechat(@Body() body: WechatLoginBody): Promise<CustomerSession> {
    return this.auth.loginWithWechat(body.code);
  }

  @Post('wechat/phone')
  @CustomerAuth()
  @LoginRateLimit()
  @HttpCode(200)
  @ApiOperation({ summary: "Bind the customer's phone from a getPhoneNumber code" })
  @ApiOkResponse({ type: CustomerProfileResponse })
  @ApiProblems(400, 401, 403, 429, 502)
  bindPhone(
    @CurrentCustomer() customer: CustomerPrincipal,
    @Body() body: BindPhoneBody,
  ): Promise<CustomerProfile> {
    return this.auth.bindPhone(customer.id, body.code);
  }

  @Public()
  @LoginRateLimit()
  @Post('dev/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Development customer login (only with AUTH_DEV_LOGIN=true, never in production)',
  })
  @ApiOkResponse({ type: CustomerSessionResponse })
  @ApiProblems(400, 403, 429)
  loginDev(@Body() body: DevLoginBody): Promise<CustomerSession> {
    return this.auth.loginForDevelopment(body);
  }
}
