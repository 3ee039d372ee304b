// Transpiles the TypeScript sources to dist/ with esbuild (no type checking: `npm test` does that).
// The touchline command calls ensureBuilt() before it starts, so a fresh checkout, `npm install`
// and `npm start` need no separate build step, and a changed source file is picked up at once.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The sources to build (src/ and migrations/, tests left out) with their modification times, and
 * every folder walked with its own: the stamp dist/ was built from.
 */
function scan(root) {
  const stamp = { dirs: {}, files: {} };
  const walk = (dir) => {
    stamp.dirs[relative(root, dir)] = statSync(dir).mtimeMs;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) stamp.files[relative(root, p)] = statSync(p).mtimeMs;
    }
  };
  for (const d of ['src', 'migrations']) walk(join(root, d));
  return stamp;
}

function readStamp(stampFile) {
  try {
    const s = JSON.parse(readFileSync(stampFile, 'utf8'));
    return s && typeof s.dirs === 'object' && typeof s.files === 'object' ? s : null;
  } catch {
    return null;
  }
}

const sameTimes = (recorded, now) => {
  const keys = Object.keys(recorded);
  return keys.length === Object.keys(now).length && keys.every((k) => now[k] === recorded[k]);
};

/**
 * True when nothing changed since the stamp, checked without listing any folder: a folder's time
 * changes when a file or folder in it is added, removed or renamed (editors that save by renaming
 * too), and a file's when it is written. One stat per folder and per source: about half the cost of
 * walking the tree, which the command line pays on every run.
 */
function unchanged(root, stamp) {
  try {
    // Plain concatenation: path.join for each of some 500 paths costs as much as their stats.
    for (const d in stamp.dirs) if (statSync(`${root}/${d}`).mtimeMs !== stamp.dirs[d]) return false;
    for (const f in stamp.files) if (statSync(`${root}/${f}`).mtimeMs !== stamp.files[f]) return false;
    return true;
  } catch {
    return false;
  }
}

/** Builds dist/ unless it was built from exactly the sources there are now; true when it built. */
export async function ensureBuilt({ force = false, root = projectRoot } = {}) {
  const dist = join(root, 'dist');
  const stampFile = join(dist, '.stamp');
  const recorded = force ? null : readStamp(stampFile);
  if (recorded && unchanged(root, recorded)) return false;
  const stamp = scan(root);
  if (recorded && sameTimes(recorded.files, stamp.files)) {
    // Only folders changed (a test file added, say): the build stands; record the folders' new times.
    const tmpStamp = `${stampFile}.tmp-${process.pid}`;
    writeFileSync(tmpStamp, JSON.stringify(stamp));
    renameSync(tmpStamp, stampFile);
    return false;
  }
  const files = Object.keys(stamp.files).map((f) => join(root, f));
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
  writeFileSync(join(tmp, '.stamp'), JSON.stringify(stamp));
  // Swap by renaming: a command starting meanwhile finds dist/ missing for an instant at most, not
  // for as long as deleting the old tree takes.
  const old = `${dist}.tmp-old-${process.pid}`;
  try {
    renameSync(dist, old);
  } catch {
    // no dist/ yet
  }
  try {
    renameSync(tmp, dist);
  } catch {
    // Another command built the same sources at the same time and put its dist/ in place first.
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return true;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const built = await ensureBuilt({ force: process.argv.includes('--force') });
  console.log(built ? 'Built dist/.' : 'dist/ is up to date.');
}
