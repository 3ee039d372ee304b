import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (it runs under node in `npm run lint`)
import { checkStructure } from './structure.mjs';

interface Result {
  figures: Record<string, number>;
  violations: string[];
}

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A small tree: platform, two features behind their front doors, a composition root. */
function tree(extra: Record<string, string> = {}): Result {
  root = mkdtempSync(join(tmpdir(), 'structure-'));
  const files: Record<string, string> = {
    'src/platform/clock.ts': 'export const now = () => 1;\n',
    'src/platform/db/database.ts': "export const q = (db) => db.selectFrom('x');\n",
    'src/alpha/index.ts': "export { a } from './a.rules.js';\n",
    'src/alpha/a.rules.ts': "import { now } from '../platform/clock.js';\nexport const a = now;\n",
    'src/alpha/a.store.ts': "export const rows = (db) => db.selectFrom('alpha').execute();\n",
    'src/alpha/alpha.testkit.ts': "export const seed = (db) => db.insertInto('alpha').execute();\n",
    'src/beta/index.ts': "export { b } from './b.service.js';\n",
    'src/beta/b.service.ts': "import { a } from '../alpha/index.js';\nexport const b = a;\n",
    'src/beta/b.test.ts':
      "import { seed } from '../alpha/alpha.testkit.js';\nimport { run } from '../cli/main.js';\nexport const t = (db) => [seed, run, db.selectFrom('beta')];\n",
    'src/cli/main.ts': "import { b } from '../beta/index.js';\nexport const run = b;\n",
    'src/app.ts': "import { a } from './alpha/index.js';\nexport const app = a;\n",
    ...extra,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return checkStructure(root) as Result;
}

describe('the structure check', () => {
  it('passes a tree that keeps every rule (tests may use testkits, roots and SQL)', () => {
    expect(tree().violations).toEqual([]);
  });

  it('finds platform importing a feature', () => {
    const r = tree({ 'src/platform/http.ts': "import { a } from '../alpha/index.js';\nexport const h = a;\n" });
    expect(r.figures.platformToFeature).toBe(1);
    expect(r.violations).toEqual(['platform imports a feature: src/platform/http.ts -> src/alpha/index.ts', 'folders of src/ import each other in a cycle: alpha, platform']);
  });

  it("finds a feature reaching past another's index.ts, and production code using a testkit", () => {
    const r = tree({ 'src/beta/c.service.ts': "import { a } from '../alpha/a.rules.js';\nimport { seed } from '../alpha/alpha.testkit.js';\nexport const c = [a, seed];\n" });
    expect(r.figures.featureInternals).toBe(2);
    expect(r.violations).toContain('production code imports a test helper: src/beta/c.service.ts -> src/alpha/alpha.testkit.ts');
  });

  it("lets the command line use a feature's *.cli.ts files and rules use another feature's top-level *.rules.ts, nothing more", () => {
    const r = tree({
      'src/alpha/alpha.cli.ts': "export const register = () => import('./a.store.js');\n",
      'src/alpha/deep/d.rules.ts': 'export const d = 1;\n',
      'src/alpha/deep/d.cli.ts': 'export const e = 1;\n',
      'src/cli/commands.ts': "import { register } from '../alpha/alpha.cli.js';\nimport { e } from '../alpha/deep/d.cli.js';\nexport const c = [register, e];\n",
      'src/beta/b.rules.ts': "import { a } from '../alpha/a.rules.js';\nexport const r = a;\n",
    });
    expect(r.violations).toEqual([]);
    const bad = tree({
      'src/alpha/alpha.cli.ts': 'export const register = 1;\n',
      'src/alpha/deep/d.rules.ts': 'export const d = 1;\n',
      'src/alpha/deep/d.cli.ts': 'export const e = 1;\n',
      'src/beta/c.service.ts': "import { register } from '../alpha/alpha.cli.js';\nimport { a } from '../alpha/a.rules.js';\nexport const c = [register, a];\n",
      'src/beta/b.rules.ts': "import { d } from '../alpha/deep/d.rules.js';\nimport { rows } from '../alpha/a.store.js';\nexport const r = [d, rows];\n",
      'src/cli/more.ts': "import { a } from '../alpha/a.rules.js';\nexport const m = a;\n",
    });
    expect(bad.figures.featureInternals).toBe(5);
    expect(bad.violations).toContain('reaches into alpha past its index.ts: src/beta/c.service.ts -> src/alpha/alpha.cli.ts');
    expect(bad.violations).toContain('reaches into alpha past its index.ts: src/beta/b.rules.ts -> src/alpha/deep/d.rules.ts');
    expect(bad.violations).toContain('reaches into alpha past its index.ts: src/cli/more.ts -> src/alpha/a.rules.ts');
  });

  it('finds a cycle between folders, and one between sibling sub-folders', () => {
    const r = tree({
      'src/alpha/x.service.ts': "import { b } from '../beta/index.js';\nexport const x = b;\n",
      'src/beta/one/p.rules.ts': "import { q } from '../two/q.rules.js';\nexport const p = q;\n",
      'src/beta/two/q.rules.ts': "import { p } from '../one/p.rules.js';\nexport const q = () => p;\n",
    });
    expect(r.figures.folderCycles).toBe(1);
    expect(r.figures.subFolderCycles).toBe(1);
    expect(r.violations).toContain('folders of src/ import each other in a cycle: alpha, beta');
    expect(r.violations).toContain('sub-folders of beta import each other in a cycle: src/beta/one, src/beta/two');
  });

  it('finds a feature importing a composition root', () => {
    const r = tree({ 'src/alpha/y.service.ts': "import { run } from '../cli/main.js';\nexport const y = run;\n" });
    expect(r.figures.rootImports).toBe(1);
  });

  it('finds query building outside a store', () => {
    const r = tree({ 'src/alpha/z.service.ts': "export const z = (db) => db.updateTable('alpha').set({}).execute();\nexport const w = (db) => sql`select 1`.execute(db);\n" });
    expect(r.figures.queriesOutsideStores).toBe(2);
    expect(r.violations).toEqual(['2 query-builder call(s) outside a *.store.ts: src/alpha/z.service.ts']);
  });

  it('finds a folder with more than 30 source files, and a file without a role', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`src/alpha/f${i}.rules.ts`, 'export {};\n']));
    const r = tree({ ...many, 'src/beta/helpers.ts': 'export {};\n' });
    expect(r.figures.foldersOverLimit).toBe(1);
    expect(r.violations).toContain('src/alpha holds 34 source files directly (at most 30): split it into sub-folders');
    expect(r.figures.unnamedFiles).toBe(1);
  });
});
