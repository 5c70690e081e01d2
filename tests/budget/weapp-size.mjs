#!/usr/bin/env node
/**
 * Sizes of the weapp build: the main package (everything outside the subpackage roots listed in
 * app.json) must stay under our 1 MB budget (WeChat's hard limit is 2 MB per package, 30 MB in all).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN_BUDGET = 1024 * 1024;
const PACKAGE_LIMIT = 2 * 1024 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/miniapp/dist');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

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

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let ok = sizes.main <= MAIN_BUDGET;
console.log(`weapp main package: ${kb(sizes.main)} (budget ${kb(MAIN_BUDGET)})`);
for (const root of roots) {
  console.log(`weapp subpackage ${root}: ${kb(sizes[root])}`);
  if (sizes[root] > PACKAGE_LIMIT) ok = false;
}
console.log(`weapp total: ${kb(Object.values(sizes).reduce((a, b) => a + b, 0))}`);
if (!ok) {
  console.error('weapp package size over budget');
  process.exit(1);
}
