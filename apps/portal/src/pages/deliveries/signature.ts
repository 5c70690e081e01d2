import { MAX_SIGNATURE_BYTES } from '@dealer-care/domain';

/** The stored signature fits in this box (CSS pixels of the exported PNG). */
export const SIGNATURE_MAX_WIDTH = 600;
export const SIGNATURE_MAX_HEIGHT = 240;
/** Blank margin kept around the ink. */
export const SIGNATURE_PADDING = 8;
/** A short stroke is centred on at least this canvas (the server refuses images under 100×50). */
export const SIGNATURE_MIN_WIDTH = 200;
export const SIGNATURE_MIN_HEIGHT = 80;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest box holding every pixel with ink (alpha above 0) of RGBA data; null when blank. */
export function inkBounds(rgba: ArrayLike<number>, width: number, height: number): Box | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (rgba[row + x * 4 + 3]! > 0) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** A size with the same proportions that fits the box, never enlarged, at least 1×1. */
export function fitWithin(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Decoded size of a base64 data URL, in bytes. */
export function dataUrlBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

export function fitsSignatureLimit(dataUrl: string): boolean {
  return dataUrl.startsWith('data:image/png;base64,') && dataUrlBytes(dataUrl) <= MAX_SIGNATURE_BYTES;
}

export interface SignatureLayout {
  width: number;
  height: number;
  /** Where the ink is drawn on the exported canvas. */
  dx: number;
  dy: number;
  dw: number;
  dh: number;
}

/**
 * The exported canvas for ink of a size: the ink scaled into the box less the margin (never
 * enlarged), centred on a canvas of at least SIGNATURE_MIN_WIDTH × SIGNATURE_MIN_HEIGHT.
 */
export function signatureLayout(
  ink: { width: number; height: number },
  maxWidth = SIGNATURE_MAX_WIDTH,
  maxHeight = SIGNATURE_MAX_HEIGHT,
): SignatureLayout {
  const size = fitWithin(
    ink.width,
    ink.height,
    maxWidth - 2 * SIGNATURE_PADDING,
    maxHeight - 2 * SIGNATURE_PADDING,
  );
  const width = Math.max(size.width + 2 * SIGNATURE_PADDING, Math.min(SIGNATURE_MIN_WIDTH, maxWidth));
  const height = Math.max(size.height + 2 * SIGNATURE_PADDING, Math.min(SIGNATURE_MIN_HEIGHT, maxHeight));
  return {
    width,
    height,
    dx: Math.floor((width - size.width) / 2),
    dy: Math.floor((height - size.height) / 2),
    dw: size.width,
    dh: size.height,
  };
}

/**
 * The drawn signature as a PNG data URL: cropped to the ink, scaled into 600×240 with a small
 * margin, shrunk further in the unlikely case it is still over the server's limit. Null when
 * nothing was drawn.
 */
export function exportSignature(source: HTMLCanvasElement): string | null {
  const context = source.getContext('2d');
  if (!context) return null;
  const ink = inkBounds(
    context.getImageData(0, 0, source.width, source.height).data,
    source.width,
    source.height,
  );
  if (!ink) return null;
  let box = { width: SIGNATURE_MAX_WIDTH, height: SIGNATURE_MAX_HEIGHT };
  for (let attempt = 0; attempt < 4; attempt++) {
    const layout = signatureLayout(ink, box.width, box.height);
    const target = document.createElement('canvas');
    target.width = layout.width;
    target.height = layout.height;
    const out = target.getContext('2d');
    if (!out) return null;
    out.imageSmoothingQuality = 'high';
    out.drawImage(source, ink.x, ink.y, ink.width, ink.height, layout.dx, layout.dy, layout.dw, layout.dh);
    const url = target.toDataURL('image/png');
    if (fitsSignatureLimit(url)) return url;
    box = { width: Math.round(box.width * 0.75), height: Math.round(box.height * 0.75) };
  }
  return null;
}
