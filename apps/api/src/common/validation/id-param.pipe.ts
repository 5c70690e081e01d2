import { Injectable, type PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@dealer-care/domain';
import { DomainException } from '../problem/domain.exception.js';

/** Route ids are positive integers; anything else is a 400 in Chinese, not a 500 or a silent NaN. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) {
      throw new DomainException(ErrorCode.ValidationFailed, '编号格式不正确', [
        { field: 'id', message: '必须是正整数' },
      ]);
    }
    return Number(value);
  }
}
