import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ErrorCode, maskMobile, type CustomerProfile } from '@dealer-care/domain';
import { DomainException } from '../../common/problem/domain.exception.js';
import { isUniqueViolation } from '../../database/unique-violation.js';
import { CustomerEntity } from './customer.entity.js';

/** Only the masked phone leaves the server. */
export function toCustomerProfile(customer: CustomerEntity): CustomerProfile {
  return {
    id: customer.id,
    nickname: customer.nickname,
    phoneMasked: customer.phone ? maskMobile(customer.phone) : null,
    hasPhone: customer.phone !== null,
  };
}

@Injectable()
export class CustomersService {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /**
   * Finds the customer of a WeChat openid or creates them. Two first logins racing for the
   * same openid both end with the one row the unique key lets through.
   */
  async upsertByOpenid(input: {
    openid: string;
    unionid?: string | null;
    nickname?: string | null;
  }): Promise<CustomerEntity> {
    const now = new Date();
    const existing = await this.customers.findOneBy({ openid: input.openid });
    if (existing) {
      existing.lastLoginAt = now;
      if (input.unionid && existing.unionid !== input.unionid) existing.unionid = input.unionid;
      if (input.nickname && !existing.nickname) existing.nickname = input.nickname;
      return this.customers.save(existing);
    }
    try {
      return await this.customers.save(
        this.customers.create({
          openid: input.openid,
          unionid: input.unionid ?? null,
          nickname: input.nickname ?? null,
          phone: null,
          lastLoginAt: now,
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.customers.findOneBy({ openid: input.openid });
      if (!winner) throw error;
      return winner;
    }
  }

  async profile(id: number): Promise<CustomerProfile> {
    return toCustomerProfile(await this.findOrFail(id));
  }

  async setPhone(id: number, phone: string): Promise<CustomerProfile> {
    const customer = await this.findOrFail(id);
    customer.phone = phone;
    return toCustomerProfile(await this.customers.save(customer));
  }

  private async findOrFail(id: number): Promise<CustomerEntity> {
    const customer = await this.customers.findOneBy({ id });
    if (!customer) throw new DomainException(ErrorCode.Unauthenticated, '账号不存在，请重新登录');
    return customer;
  }
}
