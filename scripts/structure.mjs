// The architecture, checked: which folder may import which, front doors, SQL only in stores, folder
// sizes and file names (README, Development). `npm run lint` runs it; `node scripts/structure.mjs`
// prints the figures and every violation, and exits 1 when there is any.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders of src/ that put the product together: they may import any feature's front door. */
export const COMPOSITION_ROOTS = ['cli', 'demo', 'testing'];
/** At most this many source files directly in one folder of src/. */
export const MAX_FILES_PER_FOLDER = 30;
/** The role suffixes a file of a feature may carry (README, Development: naming). */
export const ROLES = [
  'rules',
  'store',
  'service',
  'routes',
  'api',
  'views',
  'schemas',
  'tables',
  'access',
  'http',
  'feature',
  'home',
  'cli',
  'demo',
  'pdf',
  'csv',
  'mail',
  'crypto',
  'testkit',
  'd',
];

const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(?:<[^`]*?>)?`|\bsql\.(raw|ref|lit|join|id|table|val)\b/g;
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

const toPosix = (p) => p.split('\\').join('/');

function walk(root, dir, out) {
  const abs = join(root, dir);
  if (!existsSync(abs)) return out;
  for (const e of readdirSync(abs, { withFileTypes: true })) {
    const p = posix.join(dir, e.name);
    if (e.isDirectory()) walk(root, p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/**
 * Test code: tests, test helpers, the test harness (src/testing/), browser tests and benchmarks. It
 * may seed and read the database directly.
 */
export const isTestCode = (f) => /\.test\.tsx?$/.test(f) || /\.testkit\.tsx?$/.test(f) || /^(src\/testing|e2e|bench)\//.test(f);

/** The folder of src/ a file belongs to: a feature, 'platform', a composition root, or '(root)' for src/*.ts. */
export function folderOf(file) {
  const parts = file.split('/');
  if (parts[0] !== 'src') return parts[0];
  return parts.length > 2 ? parts[1] : '(root)';
}

/**
 * The two light doors beside index.ts (README, Development: layout). index.ts also carries the
 * feature's routes and stores, so importing it loads the web stack; these load only what they need:
 * - the command line (src/cli/) may import a feature's `*.cli.ts` files, its front doors for commands
 *   (each declares its commands and loads the heavy code inside the command's action);
 * - a `*.rules.ts` file may import another feature's top-level `*.rules.ts`: pure rules using pure rules.
 */
export function lightDoorOf(file, target, to) {
  if (folderOf(file) === 'cli' && /\.cli\.tsx?$/.test(target)) return 'cli';
  if (/\.rules\.tsx?$/.test(file) && new RegExp(`^src/${to}/[^/]+\\.rules\\.tsx?$`).test(target)) return 'rules';
  return null;
}

const isRoot = (folder) => folder === '(root)' || COMPOSITION_ROOTS.includes(folder);
const isFeature = (folder) => folder !== 'platform' && !isRoot(folder) && !['e2e', 'bench', 'migrations', 'scripts'].includes(folder);

function resolveImport(root, from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = toPosix(relative(root, resolve(root, dirname(from), spec)));
  const bare = base.replace(/\.js$/, '');
  for (const c of [`${bare}.ts`, `${bare}.tsx`, base, `${base}/index.ts`]) {
    try {
      if (statSync(join(root, c)).isFile()) return c;
    } catch {
      // not this candidate
    }
  }
  return null;
}

/** Strongly connected groups of more than one node (Tarjan). */
function cycles(edges) {
  const adj = new Map();
  for (const [a, b] of edges) {
    if (!adj.has(a)) adj.set(a, new Set());
    if (!adj.has(b)) adj.set(b, new Set());
    adj.get(a).add(b);
  }
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of adj.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of adj.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Reads the tree under `root` and answers the figures and every violation of the layering rules. */
export function checkStructure(root) {
  const files = ['src', 'e2e', 'bench', 'migrations'].flatMap((d) => walk(root, d, []));
  const violations = [];
  const figures = {
    files: 0,
    platformToFeature: 0,
    folderCycles: 0,
    subFolderCycles: 0,
    featureInternals: 0,
    rootImports: 0,
    queriesOutsideStores: 0,
    foldersOverLimit: 0,
    unnamedFiles: 0,
  };
  const folderEdges = new Map();
  const subEdges = new Map();
  const add = (map, key, a, b) => {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push([a, b]);
  };
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const from = folderOf(file);
    const test = isTestCode(file);
    if (file.startsWith('src/')) figures.files++;
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(root, file, m[1] ?? m[2] ?? m[3]);
      if (!target?.startsWith('src/')) continue;
      const to = folderOf(target);
      if (to === from) {
        // Sibling sub-folders of one feature: A/x -> A/y (the feature's own top files are shared by all).
        const [fa, fb] = [file, target].map((f) => f.split('/').slice(0, 3).join('/'));
        const [da, db] = [file, target].map((f) => f.split('/').length > 3);
        if (!test && isFeature(from) && da && db && fa !== fb) add(subEdges, from, fa, fb);
        continue;
      }
      if (from === 'platform' && to !== 'platform' && !(test && COMPOSITION_ROOTS.includes(to))) {
        figures.platformToFeature++;
        violations.push(`platform imports a feature: ${file} -> ${target}`);
      }
      if (isRoot(to) && !test && !isRoot(from)) {
        figures.rootImports++;
        violations.push(`only tests, bench and the command line import a composition root: ${file} -> ${target}`);
      }
      if (isFeature(to)) {
        const frontDoor = target === `src/${to}/index.ts`;
        const testDoor = test && new RegExp(`^src/${to}/[^/]+\\.testkit\\.ts$`).test(target);
        const lightDoor = lightDoorOf(file, target, to);
        if (!frontDoor && !testDoor && !lightDoor) {
          figures.featureInternals++;
          violations.push(`reaches into ${to} past its index.ts: ${file} -> ${target}`);
        }
        if (/\.testkit\.ts$/.test(target) && !test) violations.push(`production code imports a test helper: ${file} -> ${target}`);
      }
      if (!test && file.startsWith('src/')) add(folderEdges, 'src', from, to);
    }
    if (!test && file.startsWith('src/') && !/\.store\.ts$/.test(file) && !file.startsWith('src/platform/db/')) {
      const n = [...text.matchAll(QUERY)].length;
      if (n) {
        figures.queriesOutsideStores += n;
        violations.push(`${n} query-builder call(s) outside a *.store.ts: ${file}`);
      }
    }
  }
  for (const group of cycles(folderEdges.get('src') ?? [])) {
    figures.folderCycles++;
    violations.push(`folders of src/ import each other in a cycle: ${group.join(', ')}`);
  }
  for (const [feature, edges] of subEdges) {
    for (const group of cycles(edges)) {
      figures.subFolderCycles++;
      violations.push(`sub-folders of ${feature} import each other in a cycle: ${group.join(', ')}`);
    }
  }
  const perFolder = new Map();
  for (const f of files.filter((f) => f.startsWith('src/'))) perFolder.set(dirname(f), (perFolder.get(dirname(f)) ?? 0) + 1);
  for (const [dir, n] of perFolder) {
    if (n > MAX_FILES_PER_FOLDER) {
      figures.foldersOverLimit++;
      violations.push(`${dir} holds ${n} source files directly (at most ${MAX_FILES_PER_FOLDER}): split it into sub-folders`);
    }
  }
  for (const f of files.filter((f) => f.startsWith('src/') && isFeature(folderOf(f)))) {
    const name = posix.basename(f).replace(/\.tsx?$/, '');
    if (name === 'index' || /\.test\.tsx?$/.test(f)) continue;
    const parts = name.split('.');
    const roles = parts.slice(1);
    if (!roles.length || !roles.every((r) => ROLES.includes(r))) {
      figures.unnamedFiles++;
      violations.push(`${f}: name it <name>.<role>.ts with a role of README's naming scheme (${ROLES.join(', ')})`);
    }
  }
  return { figures, violations };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { figures, violations } = checkStructure(root);
  for (const v of violations) console.log(v);
  console.log(
    Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
  if (violations.length) {
    console.log(`${violations.length} structure violation(s): see README, Development.`);
    process.exit(1);
  }
}
