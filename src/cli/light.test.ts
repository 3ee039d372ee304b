import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (bin/touchline.js runs it under node)
import { ensureBuilt } from '../../scripts/build.js';

// What the touchline command loads before its action runs, and what `teams form` and `teams verify`
// load, read from the built dist/ (what node runs): static imports only, since `await import()`
// inside an action loads only when that command runs.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STATIC = /(?:^|[\n;])\s*(?:import|export)\s[^'";]*?from\s*["']([^'"]+)["']|(?:^|[\n;])\s*import\s*["']([^'"]+)["']/g;

function closure(entries: string[]): { files: string[]; packages: string[] } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((e) => join(root, 'dist', e));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(/\/\/# sourceMappingURL=[\s\S]*$/, '');
    for (const m of text.matchAll(STATIC)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (existsSync(target)) queue.push(target);
      } else if (!spec.startsWith('node:'))
        packages.add(
          spec
            .split('/')
            .slice(0, spec.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  }
  return { files: [...seen].map((f) => relative(join(root, 'dist'), f)).sort(), packages: [...packages].sort() };
}

const HEAVY_FILE = /(^src\/[^/]+\/index\.js$)|\.(routes|api|views|feature|store|service|http|home)\.js$|^src\/(app|main|runtime|features)\.js$/;
const HEAVY_PACKAGE = ['fastify', 'kysely', 'pg', 'better-sqlite3', 'nodemailer', '@sinclair/typebox', 'preact', 'pdf-lib'];

describe('the touchline command loads only what the command uses', { timeout: 120_000 }, () => {
  it('declares every command without loading a feature, the database or the web stack', async () => {
    await ensureBuilt();
    const { files, packages } = closure(['src/cli/main.js']);
    expect(files.filter((f) => HEAVY_FILE.test(f))).toEqual([]);
    expect(packages).toEqual(['commander']);
  });

  it('forms and verifies teams with the engine and the CSV readers alone', async () => {
    await ensureBuilt();
    const { files, packages } = closure(['src/cli/main.js', 'src/teams/offline.cli.js']);
    expect(files.filter((f) => HEAVY_FILE.test(f))).toEqual([]);
    expect(packages.filter((p) => HEAVY_PACKAGE.includes(p))).toEqual([]);
    expect(files).toContain('src/teams/engine/formation.rules.js');
  });
});
