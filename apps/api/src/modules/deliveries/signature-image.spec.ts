import { describe, expect, it } from '@jest/globals';
import { deflateSync } from 'node:zlib';
import { parseSignatureDataUrl, toPngDataUrl } from './signature-image.js';

/** A minimal valid PNG of the given size (grey, no real strokes; the parser reads only the header). */
function png(width: number, height: number, extraBytes = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.concat([deflateSync(Buffer.alloc(height)), Buffer.alloc(extraBytes)])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('parseSignatureDataUrl', () => {
  it('accepts a PNG data URL of a signature-sized image and round-trips it', () => {
    const image = png(600, 240);
    const parsed = parseSignatureDataUrl(toPngDataUrl(image));
    expect(parsed).toEqual({ ok: true, png: image });
  });

  it('refuses other formats, broken base64, fake PNGs, odd sizes and oversize images', () => {
    const cases: Array<[string, string]> = [
      ['data:image/jpeg;base64,/9j/4AAQ', 'PNG'],
      ['data:image/png;base64,***', '不完整'],
      [
        `data:image/png;base64,${Buffer.from('GIF89a not a png at all, long enough').toString('base64')}`,
        'PNG',
      ],
      [toPngDataUrl(png(10, 10)), '尺寸'],
      [toPngDataUrl(png(5000, 240)), '尺寸'],
      [toPngDataUrl(png(600, 240, 70 * 1024)), '过大'],
      ['', 'PNG'],
    ];
    for (const [input, message] of cases) {
      const parsed = parseSignatureDataUrl(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain(message);
    }
  });
});
