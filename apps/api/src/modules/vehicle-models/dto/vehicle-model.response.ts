import { ApiProperty } from '@nestjs/swagger';
import {
  BODY_TYPES,
  ENERGY_TYPES,
  type BodyType,
  type EnergyType,
  type VehicleModel,
} from '@dealer-care/domain';

export class VehicleModelResponse implements VehicleModel {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'S5' }) code: string;
  @ApiProperty({ example: '云岚' }) brand: string;
  @ApiProperty({ example: 'S5' }) name: string;
  @ApiProperty({ enum: BODY_TYPES }) bodyType: BodyType;
  @ApiProperty({ enum: ENERGY_TYPES }) energyType: EnergyType;
  @ApiProperty({ example: 5 }) seats: number;
  @ApiProperty({ example: 12980000, description: 'Lowest MSRP in fen (1/100 yuan)' }) priceFromFen: number;
  @ApiProperty({ type: String, nullable: true }) imageUrl: string | null;
  @ApiProperty() active: boolean;
}
