import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  ErrorCode,
  isMainlandMobile,
  normalizeMobile,
  type CustomerProfile,
  type CustomerSession,
  type DevCustomerLoginRequest,
  type StaffSession,
} from '@dealer-care/domain';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AccessTokenClaims } from '../../common/auth/principal.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { CustomersService, toCustomerProfile } from '../customers/customers.service.js';
import { StaffService, toStaffUserResponse } from '../staff/staff.service.js';
import { WechatApiClient } from '../wechat/wechat-api.client.js';
import { WechatApiError } from '../wechat/wechat-api.error.js';
import { PasswordHasher } from './password-hasher.js';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    private readonly staff: StaffService,
    private readonly customers: CustomersService,
    private readonly wechat: WechatApiClient,
  ) {}

  async loginStaff(username: string, password: string): Promise<StaffSession> {
    const user = await this.staff.findActiveByUsername(username.trim());
    // Verify even for unknown users so the answer takes as long either way.
    const valid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) throw new DomainException(ErrorCode.InvalidCredentials);
    await this.staff.recordLogin(user.id, new Date());
    const claims: AccessTokenClaims = {
      sub: String(user.id),
      kind: 'staff',
      role: user.role,
      storeId: user.storeId,
    };
    const ttl = this.config.jwt.staffTtlSeconds;
    return {
      accessToken: await this.jwt.signAsync(claims, { expiresIn: ttl }),
      expiresIn: ttl,
      staff: toStaffUserResponse(user),
    };
  }

  /** wx.login code → jscode2session → our own token. The session_key is dropped here, never stored or sent. */
  async loginWithWechat(code: string): Promise<CustomerSession> {
    const session = await this.callWechat(() => this.wechat.code2Session(code));
    const customer = await this.customers.upsertByOpenid({
      openid: session.openid,
      unionid: session.unionid,
    });
    return this.customerSession(customer.id, toCustomerProfile(customer));
  }

  /** Development login for H5 and browser tests; refused unless explicitly enabled, never in production. */
  async loginForDevelopment(request: DevCustomerLoginRequest): Promise<CustomerSession> {
    if (!this.config.devLoginEnabled || this.config.nodeEnv === 'production') {
      throw new DomainException(ErrorCode.DevLoginDisabled, '开发登录仅在开发环境开启 AUTH_DEV_LOGIN 时可用');
    }
    const customer = await this.customers.upsertByOpenid({
      openid: `dev:${request.devUser}`,
      nickname: request.nickname?.trim() || request.devUser,
    });
    const profile = request.mobile
      ? await this.customers.setPhone(customer.id, request.mobile)
      : toCustomerProfile(customer);
    return this.customerSession(customer.id, profile);
  }

  /** getPhoneNumber code → the customer's verified mainland mobile. */
  async bindPhone(customerId: number, code: string): Promise<CustomerProfile> {
    const phone = await this.callWechat(() => this.wechat.getPhoneNumber(code));
    const mobile = normalizeMobile(phone.purePhoneNumber);
    if (phone.countryCode !== '86' || !isMainlandMobile(mobile)) {
      throw new DomainException(ErrorCode.ValidationFailed, '目前仅支持中国大陆手机号');
    }
    return this.customers.setPhone(customerId, mobile);
  }

  private async customerSession(customerId: number, customer: CustomerProfile): Promise<CustomerSession> {
    const claims: AccessTokenClaims = { sub: String(customerId), kind: 'customer' };
    const ttl = this.config.jwt.customerTtlSeconds;
    return { accessToken: await this.jwt.signAsync(claims, { expiresIn: ttl }), expiresIn: ttl, customer };
  }

  /** Maps WeChat's error codes to answers a customer can act on. */
  private async callWechat<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      this.logger.warn(`WeChat ${error.endpoint} failed: errcode ${error.errcode} (${error.kind})`);
      switch (error.kind) {
        case 'invalid_code':
          throw new DomainException(ErrorCode.WechatCodeInvalid);
        case 'rate_limited':
          throw new DomainException(ErrorCode.WechatRateLimited);
        default:
          throw new DomainException(ErrorCode.WechatUnavailable);
      }
    }
  }
}
