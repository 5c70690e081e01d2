import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type {
  BindPhoneRequest,
  DevCustomerLoginRequest,
  StaffLoginRequest,
  WechatLoginRequest,
} from '@dealer-care/domain';

export class StaffLoginBody implements StaffLoginRequest {
  @ApiProperty({ example: 'gz.chen' })
  @IsString()
  @Length(1, 64, { message: '请输入用户名' })
  username: string;

  @ApiProperty({ example: 'Demo@2026' })
  @IsString()
  @Length(1, 128, { message: '请输入密码' })
  password: string;
}

/** WeChat login codes are short URL-safe tokens; anything else cannot be one. */
const WECHAT_CODE = /^[A-Za-z0-9_-]{1,128}$/;

export class WechatLoginBody implements WechatLoginRequest {
  @ApiProperty({ description: 'The code from wx.login (single use, valid 5 minutes)' })
  @IsString()
  @Matches(WECHAT_CODE, { message: '微信登录凭证格式不正确' })
  code: string;
}

export class BindPhoneBody implements BindPhoneRequest {
  @ApiProperty({ description: 'The code from <button open-type="getPhoneNumber">' })
  @IsString()
  @Matches(WECHAT_CODE, { message: '手机号授权凭证格式不正确' })
  code: string;
}

export class DevLoginBody implements DevCustomerLoginRequest {
  @ApiProperty({
    example: 'dev-alice',
    description: 'Stable test identity; becomes the openid dev:<devUser>',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,40}$/, { message: '测试账号需为3–40位字母、数字或 _ . -' })
  devUser: string;

  @ApiPropertyOptional({ example: '小陈' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  nickname?: string;

  @ApiPropertyOptional({ example: '13800138000', description: 'Binds this phone, as getPhoneNumber would' })
  @IsOptional()
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: '请输入正确的11位手机号' })
  mobile?: string;
}
