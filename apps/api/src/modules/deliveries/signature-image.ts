import { MAX_SIGNATURE_BYTES } from '@dealer-care/domain';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DATA_URL_PREFIX = 'data:image/png;base64,';

export type SignatureImageResult = { ok: true; png: Buffer } | { ok: false; message: string };

/**
 * Reads the handover signature sent as a PNG data URL: real PNG bytes (signature and IHDR),
 * a plausible size for a drawn signature, at most MAX_SIGNATURE_BYTES.
 */
export function parseSignatureDataUrl(dataUrl: string): SignatureImageResult {
  if (!dataUrl.startsWith(DATA_URL_PREFIX)) return { ok: false, message: '签名须为 PNG 图片' };
  const base64 = dataUrl.slice(DATA_URL_PREFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return { ok: false, message: '签名图片数据不完整' };
  const png = Buffer.from(base64, 'base64');
  if (png.length > MAX_SIGNATURE_BYTES) return { ok: false, message: '签名图片过大，请重新签名' };
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('ascii', 12, 16) !== 'IHDR') {
    return { ok: false, message: '签名须为 PNG 图片' };
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width < 100 || height < 50 || width > 2000 || height > 1000) {
    return { ok: false, message: '签名图片尺寸不正确' };
  }
  return { ok: true, png };
}

export function toPngDataUrl(png: Buffer): string {
  return `${DATA_URL_PREFIX}${png.toString('base64')}`;
}
