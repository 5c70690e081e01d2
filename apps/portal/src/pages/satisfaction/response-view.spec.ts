import { describe, expect, it } from 'vitest';
import { factorShareRows, npsGroupLabel } from './response-view';

describe('response view', () => {
  it('names NPS groups in Chinese', () => {
    expect(npsGroupLabel('promoter')).toBe('推荐者');
    expect(npsGroupLabel('detractor')).toBe('贬损者');
    expect(npsGroupLabel(null)).toBe('—');
  });

  it('shows each factor weight as its share of the index', () => {
    const rows = factorShareRows([
      { key: 'a', label: 'A', weight: 35, score: 50 },
      { key: 'b', label: 'B', weight: 40, score: null },
      { key: 'c', label: 'C', weight: 25, score: 100 },
    ]);
    expect(rows.map((r) => r.share)).toEqual([35, 40, 25]);
    expect(
      factorShareRows([
        { key: 'a', label: 'A', weight: 1, score: 1 },
        { key: 'b', label: 'B', weight: 2, score: 1 },
      ]).map((r) => r.share),
    ).toEqual([33.3, 66.7]);
  });
});
