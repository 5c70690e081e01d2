import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, ValidateIf } from 'class-validator';

/** Optional customer location (GCJ-02 as WeChat gives it); both or neither. */
export class StoreListQuery {
  @ApiPropertyOptional({ example: 23.13 })
  @ValidateIf((query: StoreListQuery) => query.longitude !== undefined || query.latitude !== undefined)
  @Type(() => Number)
  @IsLatitude({ message: '纬度不正确，需与经度一起提供' })
  latitude?: number;

  @ApiPropertyOptional({ example: 113.32 })
  @ValidateIf((query: StoreListQuery) => query.latitude !== undefined || query.longitude !== undefined)
  @Type(() => Number)
  @IsLongitude({ message: '经度不正确，需与纬度一起提供' })
  longitude?: number;
}
