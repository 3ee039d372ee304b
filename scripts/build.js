// Transpiles the TypeScript sources to dist/ with esbuild (no type checking: `npm test` does that).
// The touchline command calls ensureBuilt() before it starts, so a fresh checkout, `npm install`
// and `npm start` need no separate build step, and a changed source file is picked up at once.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stampFile = join(dist, '.stamp');

function sources(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function stampOf(files) {
  const newest = Math.max(0, ...files.map((f) => statSync(f).mtimeMs));
  return `${files.length}:${newest}`;
}

export async function ensureBuilt({ force = false } = {}) {
  const files = ['src', 'migrations'].flatMap((d) => sources(join(root, d)));
  const stamp = stampOf(files);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return false;
  const { build } = await import('esbuild');
  const tmp = `${dist}.tmp-${process.pid}`;
  await build({
    entryPoints: files,
    outdir: tmp,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  writeFileSync(join(tmp, '.stamp'), stamp);
  rmSync(dist, { recursive: true, force: true });
  renameSync(tmp, dist);
  return true;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const built = await ensureBuilt({ force: process.argv.includes('--force') });
  console.log(built ? 'Built dist/.' : 'dist/ is up to date.');
}
