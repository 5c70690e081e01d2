import type { CustomerProfile } from '../customer/customer.types.js';
import type { StaffUser } from '../staff/staff.types.js';

export type PrincipalKind = 'staff' | 'customer';

export interface StaffLoginRequest {
  username: string;
  password: string;
}

export interface StaffSession {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  staff: StaffUser;
}

/** `wx.login` code, exchanged by the server through jscode2session. */
export interface WechatLoginRequest {
  code: string;
}

/** Development login for the H5 build and browser tests; refused unless enabled. */
export interface DevCustomerLoginRequest {
  /** A stable pseudo-openid for the test customer, e.g. `dev-alice`. */
  devUser: string;
  nickname?: string;
  /** Stands in for WeChat's phone binding, which H5 cannot do: becomes the customer's bound phone. */
  mobile?: string;
}

/** The single-use code from `<Button openType="getPhoneNumber">`. */
export interface BindPhoneRequest {
  code: string;
}

export interface CustomerSession {
  accessToken: string;
  expiresIn: number;
  customer: CustomerProfile;
}
