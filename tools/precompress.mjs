#!/usr/bin/env node
/**
 * Writes brotli (.br) and gzip (.gz) siblings of a front-end build's text assets, which the API's
 * static serving (@fastify/static, preCompressed) sends to browsers that accept them. Done once at
 * build time at the highest levels, instead of compressing every response on the fly.
 *
 * One script for both builds (Taro's webpack H5 and the portal's Vite): node:zlib does the work,
 * and no bundler plugin has to be kept in step with two bundlers.
 *
 *   node tools/precompress.mjs <dir> [<dir> …]
 */
import { readdirSync, readFileSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|wasm|map)$/i;
/** Below this a compressed copy saves too little to be worth a second file. */
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every eligible file under `dir`; returns the totals in bytes. */
export function precompress(dir) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const path of files(dir)) {
    if (/\.(br|gz)$/.test(path)) {
      // A copy from an earlier build whose source may have changed: made again below, or dropped.
      rmSync(path);
      continue;
    }
  }
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    totals.files++;
    totals.raw += raw.length;
    // Only what is smaller is worth sending; the server falls back to the file itself.
    if (br.length < raw.length) {
      writeFileSync(`${path}.br`, br);
      totals.br += br.length;
    } else totals.br += raw.length;
    if (gz.length < raw.length) {
      writeFileSync(`${path}.gz`, gz);
      totals.gz += gz.length;
    } else totals.gz += raw.length;
  }
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node tools/precompress.mjs <dir> [<dir> …]');
    process.exit(2);
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const dir of dirs) {
    const t = precompress(dir);
    console.log(
      `precompressed ${relative(process.cwd(), dir) || dir}: ${t.files} files, ${kb(t.raw)} → br ${kb(t.br)}, gzip ${kb(t.gz)}`,
    );
  }
}
