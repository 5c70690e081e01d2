import { describe, expect, it } from '@jest/globals';
import { roundTo } from './survey-math.js';

describe('roundTo', () => {
  it('rounds a half away from zero, also where binary floating point stores it a hair below', () => {
    expect(roundTo(67.5 / 60, 1)).toBe(1.1);
    expect(roundTo(0.75, 1)).toBe(0.8);
    expect(roundTo(43.75, 1)).toBe(43.8);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(865.5, 0)).toBe(866);
    expect(roundTo(-0.25, 1)).toBe(-0.3);
    expect(roundTo(-0.04, 1)).toBe(0);
  });
});
