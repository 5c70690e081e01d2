import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ErrorCode, storeScopeOf, type StaffUser } from '@dealer-care/domain';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { DomainException } from '../../common/problem/domain.exception.js';
import { StaffUserEntity } from './staff-user.entity.js';

export function toStaffUserResponse(user: StaffUserEntity): StaffUser {
  const { id, username, displayName, role, storeId, active } = user;
  return { id, username, displayName, role, storeId, active };
}

@Injectable()
export class StaffService {
  constructor(@InjectRepository(StaffUserEntity) private readonly users: Repository<StaffUserEntity>) {}

  async findActiveByUsername(username: string): Promise<StaffUserEntity | null> {
    return this.users.findOne({ where: { username, active: true } });
  }

  async recordLogin(id: number, at: Date): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: at });
  }

  async me(principal: StaffPrincipal): Promise<StaffUser> {
    const user = await this.users.findOne({ where: { id: principal.id, active: true } });
    if (!user) throw new DomainException(ErrorCode.Unauthenticated, '账号已停用，请联系管理员');
    return toStaffUserResponse(user);
  }

  /** Staff of the caller's stores (all staff for admins). */
  async listInScope(principal: StaffPrincipal): Promise<StaffUser[]> {
    const scope = storeScopeOf(principal);
    if (scope !== 'all' && scope.length === 0) return [];
    const users = await this.users.find({
      where: scope === 'all' ? {} : { storeId: In(scope) },
      order: { storeId: 'ASC', role: 'ASC', id: 'ASC' },
    });
    return users.map(toStaffUserResponse);
  }
}
