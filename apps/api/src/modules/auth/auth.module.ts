import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';

@Module({
  imports: [StaffModule, CustomersModule, WechatModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordHasher],
  exports: [PasswordHasher],
})
export class AuthModule {}
