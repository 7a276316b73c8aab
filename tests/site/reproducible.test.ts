/**
 * Two clean builds of the same tree are byte-identical (issue 6): no timestamps, random ids
 * or ordering drift anywhere in the output — pages, SVG, PNG, zips, the search index. The
 * second build here starts from an empty content cache, so it is as clean as a fresh clone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtFiles, DIST } from '../helpers/site.ts';

const work = mkdtempSync(join(tmpdir(), 'lzmz-reproducible-'));
const second = join(work, 'dist');

describe('a second clean build', () => {
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build.ts'], {
      encoding: 'utf8',
      env: { ...process.env, OUT_DIR: second, ASTRO_CACHE_DIR: join(work, 'cache') },
    });
    if (build.status !== 0) throw new Error(`the second build failed:\n${build.stdout}\n${build.stderr}`);
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('writes the same files as the first, byte for byte', () => {
    const first = builtFiles();
    expect(builtFiles(second)).toEqual(first);
    const differing = first.filter((file) => !readFileSync(join(DIST, file)).equals(readFileSync(join(second, file))));
    expect(differing).toEqual([]);
    expect(first.length).toBeGreaterThan(700);
  });
});
