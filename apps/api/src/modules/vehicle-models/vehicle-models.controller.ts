import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { VehicleModel } from '@dealer-care/domain';
import { Public } from '../../common/auth/auth.decorators.js';
import { VehicleModelResponse } from './dto/vehicle-model.response.js';
import { VehicleModelsService } from './vehicle-models.service.js';

@ApiTags('vehicle-models')
@Controller('vehicle-models')
export class VehicleModelsController {
  constructor(private readonly models: VehicleModelsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Models on sale, in display order' })
  @ApiOkResponse({ type: [VehicleModelResponse] })
  list(): Promise<VehicleModel[]> {
    return this.models.listActive();
  }
}
