import { describe, expect, it } from 'vitest';
import { dataUrlBytes, fitWithin, fitsSignatureLimit, inkBounds, signatureLayout } from './signature';

function canvas(width: number, height: number, ink: Array<[number, number]>): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (const [x, y] of ink) data[(y * width + x) * 4 + 3] = 255;
  return data;
}

describe('inkBounds', () => {
  it('finds the box around every drawn pixel', () => {
    expect(
      inkBounds(
        canvas(10, 8, [
          [2, 3],
          [7, 5],
          [4, 1],
        ]),
        10,
        8,
      ),
    ).toEqual({ x: 2, y: 1, width: 6, height: 5 });
    expect(inkBounds(canvas(4, 4, [[0, 0]]), 4, 4)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('is null for a blank pad', () => {
    expect(inkBounds(canvas(10, 8, []), 10, 8)).toBeNull();
  });
});

describe('fitWithin', () => {
  it('shrinks to the box keeping proportions', () => {
    expect(fitWithin(1200, 300, 584, 224)).toEqual({ width: 584, height: 146 });
    expect(fitWithin(400, 400, 584, 224)).toEqual({ width: 224, height: 224 });
  });

  it('never enlarges a small signature', () => {
    expect(fitWithin(120, 40, 584, 224)).toEqual({ width: 120, height: 40 });
    expect(fitWithin(3000, 1, 584, 224)).toEqual({ width: 584, height: 1 });
  });
});

describe('size', () => {
  it('decodes the length of a base64 data URL', () => {
    expect(dataUrlBytes('data:image/png;base64,AAAA')).toBe(3);
    expect(dataUrlBytes('data:image/png;base64,AAA=')).toBe(2);
    expect(dataUrlBytes('data:image/png;base64,AA==')).toBe(1);
  });

  it('stays under the 60 KB the server accepts, PNG only', () => {
    const b64 = (bytes: number) => 'A'.repeat(Math.ceil(bytes / 3) * 4);
    expect(fitsSignatureLimit(`data:image/png;base64,${b64(60 * 1024)}`)).toBe(true);
    expect(fitsSignatureLimit(`data:image/png;base64,${b64(60 * 1024 + 3)}`)).toBe(false);
    expect(fitsSignatureLimit(`data:image/jpeg;base64,${b64(300)}`)).toBe(false);
  });
});

describe('signatureLayout', () => {
  it('scales a wide signature into 600×240 with a margin', () => {
    expect(signatureLayout({ width: 1800, height: 450 })).toEqual({
      width: 600,
      height: 162,
      dx: 8,
      dy: 8,
      dw: 584,
      dh: 146,
    });
  });

  it('centres a short stroke on a canvas the server accepts (at least 100×50)', () => {
    const layout = signatureLayout({ width: 30, height: 6 });
    expect(layout).toEqual({ width: 200, height: 80, dx: 85, dy: 37, dw: 30, dh: 6 });
    expect(layout.width).toBeGreaterThanOrEqual(100);
    expect(layout.height).toBeGreaterThanOrEqual(50);
  });

  it('keeps a tall signature inside the box', () => {
    const layout = signatureLayout({ width: 300, height: 900 });
    expect(layout.height).toBe(240);
    expect(layout.dh).toBe(224);
    expect(layout.width).toBe(200);
    expect(layout.dw).toBe(75);
  });
});
