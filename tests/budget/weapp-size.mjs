#!/usr/bin/env node
/**
 * Sizes of the weapp build: the main package (everything outside the subpackage roots listed in
 * app.json) must stay under our 1 MB budget (WeChat's hard limit is 2 MB per package, 30 MB in all).
 * Run as a check (exit 1 over budget); `weappSizes()` gives the figures to the benchmark report.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAIN_BUDGET = 1024 * 1024;
const PACKAGE_LIMIT = 2 * 1024 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/miniapp/dist');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Bytes of the main package, of each subpackage (by root) and in all. */
export function weappSizes() {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));
  const sizes = { main: 0, ...Object.fromEntries(roots.map((root) => [root, 0])) };
  for (const file of files(dist)) {
    const path = relative(dist, file);
    // Source maps are not uploaded to WeChat.
    if (path.endsWith('.map')) continue;
    const owner = roots.find((root) => path === root || path.startsWith(`${root}/`)) ?? 'main';
    sizes[owner] += statSync(file).size;
  }
  const subpackages = Object.fromEntries(roots.map((root) => [root, sizes[root]]));
  return { main: sizes.main, subpackages, total: Object.values(sizes).reduce((a, b) => a + b, 0) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = weappSizes();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  let ok = sizes.main <= MAIN_BUDGET;
  console.log(`weapp main package: ${kb(sizes.main)} (budget ${kb(MAIN_BUDGET)})`);
  for (const [root, size] of Object.entries(sizes.subpackages)) {
    console.log(`weapp subpackage ${root}: ${kb(size)}`);
    if (size > PACKAGE_LIMIT) ok = false;
  }
  console.log(`weapp total: ${kb(sizes.total)}`);
  if (!ok) {
    console.error('weapp package size over budget');
    process.exit(1);
  }
}
