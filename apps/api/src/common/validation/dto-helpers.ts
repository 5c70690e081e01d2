import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** "YYYY-MM-DD"; whether the date is real is checked by the domain rules. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Free text is checked after trimming: a reason of only spaces is no reason. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Query strings carry text: "true"/"false" (and 1/0) become booleans, anything else stays and fails. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });

const PAGE_MESSAGE = { message: '页码应为正整数' };

/** `page` of a paged list: 1, 2, … */
export const PageParam = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, default: 1 }),
    IsOptional(),
    Type(() => Number),
    IsInt(PAGE_MESSAGE),
    Min(1, PAGE_MESSAGE),
    Max(100_000, { message: '页码过大' }),
  );

/** `pageSize` of a paged list: 1–max. */
export const PageSizeParam = (max: number, defaultSize: number) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: defaultSize }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: `每页条数应为 1–${max} 的整数` }),
    Min(1, { message: `每页条数应为 1–${max} 的整数` }),
    Max(max, { message: `每页条数最多 ${max} 条` }),
  );

/** A positive database id in a query string or body (`label` names it in the message: 门店编号…). */
export const IdField = (label: string, options: { query?: boolean } = {}) => {
  const message = { message: `${label}应为正整数` };
  return applyDecorators(
    ...(options.query ? [Type(() => Number)] : []),
    IsInt(message),
    Min(1, message),
    Max(2_147_483_647, message),
  );
};
