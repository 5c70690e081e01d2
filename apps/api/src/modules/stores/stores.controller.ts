import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Store, StoreListItem, StoreOverview } from '@dealer-care/domain';
import { CurrentStaff, Public, StaffAuth } from '../../common/auth/auth.decorators.js';
import type { StaffPrincipal } from '../../common/auth/principal.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { IdParamPipe } from '../../common/validation/id-param.pipe.js';
import { StoreListQuery } from './dto/store-list.query.js';
import { StoreListItemResponse, StoreOverviewResponse, StoreResponse } from './dto/store.response.js';
import { StoresService } from './stores.service.js';

@ApiTags('stores')
@Controller('stores')
export class StoresController {
  constructor(private readonly stores: StoresService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'List stores, nearest first when a location is given' })
  @ApiOkResponse({ type: [StoreListItemResponse] })
  @ApiProblems(400)
  list(@Query() query: StoreListQuery): Promise<StoreListItem[]> {
    const near =
      query.latitude !== undefined && query.longitude !== undefined
        ? { latitude: query.latitude, longitude: query.longitude }
        : undefined;
    return this.stores.list(near);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One store with its opening hours and upcoming closed dates' })
  @ApiOkResponse({ type: StoreResponse })
  @ApiProblems(400, 404)
  get(@Param('id', IdParamPipe) id: number): Promise<Store> {
    return this.stores.get(id);
  }
}

@ApiTags('staff')
@Controller('staff/stores')
@StaffAuth()
export class StaffStoresController {
  constructor(private readonly stores: StoresService) {}

  @Get()
  @ApiOperation({ summary: "Stores in the caller's scope, with their test-drive cars" })
  @ApiOkResponse({ type: [StoreOverviewResponse] })
  @ApiProblems(401, 403)
  list(@CurrentStaff() staff: StaffPrincipal): Promise<StoreOverview[]> {
    return this.stores.overviews(staff);
  }

  @Get(':id')
  @ApiOperation({ summary: "One store's staff view; other stores are refused for consultants and managers" })
  @ApiOkResponse({ type: StoreOverviewResponse })
  @ApiProblems(400, 401, 403, 404)
  get(@CurrentStaff() staff: StaffPrincipal, @Param('id', IdParamPipe) id: number): Promise<StoreOverview> {
    return this.stores.overview(staff, id);
  }
}
