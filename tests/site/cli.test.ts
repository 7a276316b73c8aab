import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('npm run data:check', () => {
  test('data:check on bad fixtures exits 1 and names file:line:column for each problem', () => {
    const { status, out } = run('scripts/data-check.ts', ['tests/fixtures/data/bad-rows', 'tests/fixtures/data/bad-header'], { DATA_ROOT: 'tests/fixtures/data' });
    expect(status).toBe(1);
    expect(out).toContain('tests/fixtures/data/bad-rows/bad-rows-published.csv:2:12: error: not a number in column "常住人口" (population)');
    expect(out).toContain('tests/fixtures/data/bad-rows/bad-rows-published.csv:3:1: error: row has 2 fields, the header has 3');
    expect(out).toContain('tests/fixtures/data/bad-header/bad-header-published.csv:1:9: error: column 3 is not described in dataset.yaml');
    expect(out).toMatch(/2 datasets, 1 rows kept, 2 rejected, \d+ errors/);
  });

  test('data:check of one shipped dataset by path exits 0 and says what it counted', () => {
    const { status, out } = run('scripts/data-check.ts', ['data/lanzhou-minority-groups-2010']);
    expect(status).toBe(0);
    expect(out).toContain('[1/1] lanzhou-minority-groups-2010: 10 rows read → 10 kept, 0 rejected');
    expect(out).toMatch(/1 datasets, 10 rows kept, 0 rejected, 0 errors, 0 warnings/);
  });

  test('data:check of a path that is no dataset exits 1 and lists the datasets', () => {
    const { status, out } = run('scripts/data-check.ts', ['data/no-such-dataset']);
    expect(status).toBe(1);
    expect(out).toContain('data/no-such-dataset:0:0: error: not a dataset folder');
  });
});

describe('npm run build', () => {
  test('a build from bad data fails with the check messages and leaves the previous output untouched', () => {
    const out = mkdtempSync(join(tmpdir(), 'previous-dist-'));
    writeFileSync(join(out, 'index.html'), 'previous build');
    try {
      const result = run('scripts/build.ts', [], { DATA_ROOT: 'tests/fixtures/data', OUT_DIR: out });
      expect(result.status).toBe(1);
      expect(result.out).toContain('tests/fixtures/data/bad-sum/dataset.yaml:27:5: error: sum check on population');
      expect(result.out).toContain('untouched');
      expect(readdirSync(out)).toEqual(['index.html']);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
