import type { StaffUser, StoreOverview } from '@dealer-care/domain';
import type { SatisfactionTab } from '../../access';
import type { ParamChanges } from '../../search-params';
import type { SatisfactionFilters } from './filters';

/** What every tab of 满意度 gets: who is signed in, the stores in scope, the filters and their setter. */
export interface SatisfactionContext {
  staff: StaffUser;
  stores: StoreOverview[];
  filters: SatisfactionFilters;
  today: string;
  timeZone: string;
  setFilters: (next: SatisfactionFilters) => void;
  params: URLSearchParams;
  update: (changes: ParamChanges) => void;
  openTab: (tab: SatisfactionTab, changes?: ParamChanges) => void;
}
