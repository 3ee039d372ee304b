import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types (bin/touchline.js runs it under node)
import { ensureBuilt } from './build.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

const build = (): Promise<boolean> => ensureBuilt({ root });
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const built = (path: string) => readFileSync(join(root, 'dist', path), 'utf8');
/** Moves a file's or folder's time forward, as a later edit would (the file system's clock may be coarse). */
const later = (path: string, s: number) => utimesSync(join(root, path), new Date(Date.now() + s * 1000), new Date(Date.now() + s * 1000));

describe('ensureBuilt: dist/ follows the sources, and is not rebuilt when nothing changed', { timeout: 60_000 }, () => {
  it('builds once, then sees an edit in place, a save by renaming, a new folder, and a removed file', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-'));
    write('src/a/one.rules.ts', 'export const one: number = 1;\n');
    write('migrations/index.ts', 'export const m = [];\n');
    expect(await build()).toBe(true);
    expect(built('src/a/one.rules.js')).toContain('one = 1');
    expect(await build()).toBe(false);

    write('src/a/one.rules.ts', 'export const one: number = 2;\n');
    later('src/a/one.rules.ts', 5);
    expect(await build()).toBe(true);
    expect(built('src/a/one.rules.js')).toContain('one = 2');
    expect(await build()).toBe(false);

    write('src/a/one.rules.ts.swp', 'export const one: number = 3;\n');
    renameSync(join(root, 'src/a/one.rules.ts.swp'), join(root, 'src/a/one.rules.ts'));
    later('src/a', 10);
    expect(await build()).toBe(true);
    expect(built('src/a/one.rules.js')).toContain('one = 3');

    write('src/b/deep/two.rules.ts', 'export const two = 2;\n');
    later('src', 15);
    expect(await build()).toBe(true);
    expect(built('src/b/deep/two.rules.js')).toContain('two = 2');

    rmSync(join(root, 'src/b/deep/two.rules.ts'));
    later('src/b/deep', 20);
    expect(await build()).toBe(true);
    expect(() => built('src/b/deep/two.rules.js')).toThrow();
  });

  it('does not rebuild when only a test file is added, and remembers the folder for next time', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-'));
    write('src/a/one.rules.ts', 'export const one = 1;\n');
    write('migrations/index.ts', 'export const m = [];\n');
    expect(await build()).toBe(true);
    write('src/a/one.rules.test.ts', 'export {};\n');
    later('src/a', 5);
    expect(await build()).toBe(false);
    const stamp = JSON.parse(built('.stamp'));
    expect(Object.keys(stamp.files).sort()).toEqual(['migrations/index.ts', 'src/a/one.rules.ts']);
    expect(await build()).toBe(false);
  });

  it('rebuilds from a stamp it cannot read (the older count:time format)', async () => {
    root = mkdtempSync(join(tmpdir(), 'build-'));
    write('src/a/one.rules.ts', 'export const one = 1;\n');
    write('migrations/index.ts', 'export const m = [];\n');
    expect(await build()).toBe(true);
    writeFileSync(join(root, 'dist/.stamp'), '2:1700000000000');
    expect(await build()).toBe(true);
    expect(await build()).toBe(false);
  });
});
