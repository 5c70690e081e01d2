import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ISO_WEEKDAYS,
  type IsoWeekday,
  type OpeningPeriod,
  type Store,
  type StoreListItem,
  type StoreOverview,
  type TestDriveCar,
} from '@dealer-care/domain';

export class OpeningPeriodResponse implements OpeningPeriod {
  @ApiProperty({ enum: ISO_WEEKDAYS, description: 'ISO weekday, 1 = Monday' }) weekday: IsoWeekday;
  @ApiProperty({ example: '09:00' }) opens: string;
  @ApiProperty({ example: '18:00' }) closes: string;
}

export class StoreResponse implements Store {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'GZ-TH' }) code: string;
  @ApiProperty({ example: '云岚汽车广州天河4S店' }) name: string;
  @ApiProperty({ example: '广州' }) city: string;
  @ApiProperty() address: string;
  @ApiProperty({ example: '020-38881234' }) phone: string;
  @ApiProperty({ example: 23.1375 }) latitude: number;
  @ApiProperty({ example: 113.3236 }) longitude: number;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ type: [OpeningPeriodResponse] }) openingHours: OpeningPeriod[];
  @ApiProperty({
    type: [String],
    example: ['2027-01-01'],
    description: 'Upcoming closed dates (store-local)',
  })
  closedDates: string[];
}

export class StoreListItemResponse extends StoreResponse implements StoreListItem {
  @ApiPropertyOptional({ example: 3.2, description: 'Distance from the given location, km' })
  distanceKm?: number;
}

export class TestDriveCarResponse implements TestDriveCar {
  @ApiProperty() id: number;
  @ApiProperty() storeId: number;
  @ApiProperty() modelId: number;
  @ApiProperty({ example: '云岚 S5' }) modelName: string;
  @ApiProperty({ example: '粤A·D12345' }) plate: string;
  @ApiProperty() inService: boolean;
}

export class StoreOverviewResponse extends StoreResponse implements StoreOverview {
  @ApiProperty({ type: [TestDriveCarResponse] }) cars: TestDriveCar[];
  @ApiProperty() carsInService: number;
}
