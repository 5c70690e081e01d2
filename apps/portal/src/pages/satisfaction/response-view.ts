import type { FactorScore, NpsGroup } from '@dealer-care/domain';

export const NPS_GROUP_LABEL_ZH: Record<NpsGroup, string> = {
  promoter: '推荐者',
  passive: '中立者',
  detractor: '贬损者',
};

export function npsGroupLabel(group: NpsGroup | null): string {
  return group === null ? '—' : NPS_GROUP_LABEL_ZH[group];
}

/** A response's factors with each weight as its share (%) of the index, one decimal. */
export function factorShareRows(factors: readonly FactorScore[]): Array<FactorScore & { share: number }> {
  const total = factors.reduce((sum, f) => sum + (f.weight > 0 ? f.weight : 0), 0);
  return factors.map((f) => ({
    ...f,
    share: total > 0 && f.weight > 0 ? Math.round((f.weight / total) * 1000) / 10 : 0,
  }));
}
