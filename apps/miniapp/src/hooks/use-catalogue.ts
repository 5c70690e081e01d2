import { useCallback, useRef, useState } from 'react';
import type { GeoPoint, StoreListItem, VehicleModel } from '@dealer-care/domain';
import { api } from '../services/api';
import { loading, type Loadable } from '../utils/loadable';

export interface CatalogueOptions {
  /**
   * Called with every store list that arrives, even one too late to be shown (the booking wizard
   * remembers them for later pages). Must be a stable function (a module-level one, say).
   */
  onStores?: (stores: StoreListItem[]) => void;
}

/** The store list and the active models, as the home page and the booking wizard show them. */
export function useCatalogue({ onStores }: CatalogueOptions = {}) {
  const [stores, setStores] = useState<Loadable<StoreListItem[]>>(loading);
  const [models, setModels] = useState<Loadable<VehicleModel[]>>(loading);
  const storesRequest = useRef(0);

  /**
   * Loads the stores, nearest first when `near` is known. Only the latest request may set the list, so
   * a late answer without location cannot replace one with it.
   */
  const loadStores = useCallback(
    async (showLoading: boolean, near: GeoPoint | null) => {
      const request = ++storesRequest.current;
      if (showLoading) setStores(loading);
      try {
        const data = await api.stores.list(near);
        onStores?.(data);
        if (request === storesRequest.current) setStores({ status: 'ready', data });
      } catch (error) {
        if (request !== storesRequest.current) return;
        // A failed refresh or re-sort keeps the list already shown.
        setStores((previous) =>
          !showLoading && previous.status === 'ready' ? previous : { status: 'error', error },
        );
      }
    },
    [onStores],
  );

  const loadModels = useCallback(async () => {
    setModels(loading);
    try {
      const data = await api.models.list();
      setModels({ status: 'ready', data: data.filter((model) => model.active) });
    } catch (error) {
      setModels({ status: 'error', error });
    }
  }, []);

  return { stores, models, loadStores, loadModels };
}
