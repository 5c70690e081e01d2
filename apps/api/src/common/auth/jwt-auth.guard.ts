import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ErrorCode } from '@dealer-care/domain';
import { DomainException } from '../problem/domain.exception.js';
import { AUDIENCE, IS_PUBLIC, type Audience } from './auth.decorators.js';
import { principalFromClaims, type AccessTokenClaims, type Principal } from './principal.js';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(); @StaffAuth and
 * @CustomerAuth narrow who may call it. Registered as APP_GUARD so a forgotten decorator cannot open a route.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const principal = await this.verify(request.headers.authorization);
    request.principal = principal;

    const audience = this.reflector.getAllAndOverride<Audience | undefined>(AUDIENCE, targets);
    if (!audience) return true;
    if (audience.kind !== principal.kind) {
      throw new DomainException(
        ErrorCode.Forbidden,
        audience.kind === 'staff' ? '此功能仅限门店员工使用' : '此功能仅限客户使用',
      );
    }
    if (audience.kind === 'staff' && principal.kind === 'staff' && audience.roles.length > 0) {
      if (!audience.roles.includes(principal.role)) {
        throw new DomainException(ErrorCode.Forbidden, '您的角色无权执行此操作');
      }
    }
    return true;
  }

  private async verify(header: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new DomainException(ErrorCode.Unauthenticated);
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & object>(match[1]!);
    } catch (error) {
      if ((error as { name?: string }).name === 'TokenExpiredError') {
        throw new DomainException(ErrorCode.TokenExpired);
      }
      throw new DomainException(ErrorCode.Unauthenticated, '登录凭证无效，请重新登录');
    }
    const principal = principalFromClaims(claims);
    if (!principal) throw new DomainException(ErrorCode.Unauthenticated, '登录凭证无效，请重新登录');
    return principal;
  }
}
