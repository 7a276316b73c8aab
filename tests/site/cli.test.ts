import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { CENSUS_MERGES, censusRows, censusSpecInput, withCell, workbookBytes, type Cells } from '../helpers/workbook.ts';

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

describe('npm run data:check on a published workbook', () => {
  /** A data root with the reference tables and one workbook dataset made of `rows`. */
  function workbookRoot(rows: Cells): string {
    const root = mkdtempSync(join(tmpdir(), 'workbook-check-'));
    for (const folder of ['reference', 'boundaries']) cpSync(join('data', folder), join(root, folder), { recursive: true });
    mkdirSync(join(root, 'tiny-census'));
    writeFileSync(join(root, 'tiny-census', 'tiny-1-6.xlsx'), workbookBytes(rows, { merges: CENSUS_MERGES }));
    const meta = {
      id: 'tiny-census', status: 'sample', version: 1, updated: '2026-12-01', title: '测试', titleEn: 'Test', summary: '测试用的小表。', publisher: '测试',
      source: { title: '测试', publisher: '测试', date: '2026' }, licence: { name: '测试', attribution: '测试' },
      geography: { area: '全国', levels: ['nation', 'province'] }, period: '2010', file: 'tiny-1-6.xlsx', rowSchema: 'census-table',
      workbook: { ...censusSpecInput, places: { level: 'provinces' } },
    };
    writeFileSync(join(root, 'tiny-census', 'dataset.yaml'), stringifyYaml(meta));
    return root;
  }

  test('data:check reads a well-formed workbook: rows kept, none-reported cells counted, no problem', () => {
    const root = workbookRoot(censusRows());
    try {
      const { status, out } = run('scripts/data-check.ts', [join(root, 'tiny-census')], { DATA_ROOT: root });
      expect(out).toContain('[1/1] tiny-census: 12 rows read → 12 kept, 0 rejected; missing cells: 3 none-reported; xlsx');
      expect(status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('data:check refuses a corrupted cell with the file, sheet!cell and the value, and exits 1', () => {
    const root = workbookRoot(withCell(censusRows(), 'K7', '6人'));
    try {
      const { status, out } = run('scripts/data-check.ts', [join(root, 'tiny-census')], { DATA_ROOT: root });
      expect(status).toBe(1);
      expect(out).toContain(`${root}/tiny-census/tiny-1-6.xlsx:Sheet1!K7: error: not a number`);
      expect(out).toContain('found "6人"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('npm run data:check data/policies', () => {
  test('reports every problem of every policy text and of policies.yaml in one run, as file:line, then exits 1', () => {
    const root = mkdtempSync(join(tmpdir(), 'policy-check-'));
    try {
      mkdirSync(join(root, 'policies'));
      const entry = (slug: string, file: string, topics = '    topics: [测试]\n') => `  - slug: ${slug}\n    file: ${file}\n    shortTitle: 测试\n    level: municipal\n${topics}`;
      writeFileSync(join(root, 'policies', 'policies.yaml'), `texts:\n${entry('empty', 'empty.md')}${entry('untitled', 'untitled.md')}${entry('gap', 'gap.md')}${entry('no-topics', 'gap.md', '')}reported: []\n`);
      writeFileSync(join(root, 'policies', 'empty.md'), '');
      writeFileSync(join(root, 'policies', 'untitled.md'), '第一条 甲。\n');
      writeFileSync(join(root, 'policies', 'gap.md'), '# 测试\n<!-- INFO END -->\n第一条 甲。\n第三条 丙。\n');
      const { status, out } = run('scripts/data-check.ts', [join(root, 'policies')], { DATA_ROOT: root });
      expect(status).toBe(1);
      expect(out).toContain(`policies: 3 texts (articles 1), 0 reported, 2 units, 2 refused, 3 errors, 1 warning`);
      expect(out).toContain(`${root}/policies/policies.yaml:17:5: error: texts.3.topics: a required field is missing (slug no-topics)`);
      expect(out).toContain(`${root}/policies/empty.md:1:1: error: the file is empty`);
      expect(out).toContain(`${root}/policies/untitled.md:1:1: error: no title`);
      expect(out).toContain(`${root}/policies/gap.md:4:1: warning: 第三条 follows 第一条`);
      expect(out).toMatch(/0 datasets, 0 rows kept, 0 rejected, 3 errors, 1 warnings/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
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
