import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDatasets, listDatasetIds, resolveDatasetArgs } from '../../src/lib/data/check.ts';

/** The fixture data root as a command-line user would type it, relative to the working directory. */
const ROOT = relative(process.cwd(), join(import.meta.dirname, '..', 'fixtures', 'data'));
const FIXTURE_IDS = ['bad-field', 'bad-header', 'bad-rows', 'bad-sum', 'bad-url', 'bad-yaml', 'file-clash', 'gansu', 'gb18030', 'lanzhou', 'no-file', 'source-errors'];

describe('listDatasetIds', () => {
  test('lists every folder holding a dataset.yaml, sorted', () => {
    expect(listDatasetIds(ROOT)).toEqual(FIXTURE_IDS);
  });
});

describe('resolveDatasetArgs', () => {
  test('accepts data/x (the dataset folder)', () => {
    expect(resolveDatasetArgs(ROOT, [`${ROOT}/gansu`])).toEqual({ ids: ['gansu'], problems: [] });
  });

  test('accepts data/x/ with a trailing slash', () => {
    expect(resolveDatasetArgs(ROOT, [`${ROOT}/gansu/`])).toEqual({ ids: ['gansu'], problems: [] });
  });

  test('accepts data/x/dataset.yaml', () => {
    expect(resolveDatasetArgs(ROOT, [`${ROOT}/gansu/dataset.yaml`])).toEqual({ ids: ['gansu'], problems: [] });
  });

  test('accepts data/x/<published file>', () => {
    expect(resolveDatasetArgs(ROOT, [`${ROOT}/gansu/gansu-published.csv`])).toEqual({ ids: ['gansu'], problems: [] });
  });

  test('accepts a bare id x', () => {
    expect(resolveDatasetArgs(ROOT, ['lanzhou'])).toEqual({ ids: ['lanzhou'], problems: [] });
  });

  test('keeps argument order and drops duplicates', () => {
    expect(resolveDatasetArgs(ROOT, ['lanzhou', `${ROOT}/gansu/dataset.yaml`, `${ROOT}/lanzhou`, 'gansu'])).toEqual({ ids: ['lanzhou', 'gansu'], problems: [] });
  });

  test('rejects an unknown id with a problem naming the argument and the known datasets', () => {
    expect(resolveDatasetArgs(ROOT, ['nope'])).toEqual({
      ids: [],
      problems: [
        {
          file: 'nope',
          line: 0,
          column: 0,
          severity: 'error',
          message: 'not a dataset folder',
          hint: `datasets are folders of ${ROOT}/ holding dataset.yaml: ${FIXTURE_IDS.join(', ')}`,
        },
      ],
    });
  });

  test('rejects an unknown path under the data root, and still resolves the good arguments', () => {
    const { ids, problems } = resolveDatasetArgs(ROOT, [`${ROOT}/nope/dataset.yaml`, 'gansu']);
    expect(ids).toEqual(['gansu']);
    expect(problems.map((problem) => [problem.file, problem.message])).toEqual([[`${ROOT}/nope/dataset.yaml`, 'not a dataset folder']]);
  });

  test('rejects the data root itself', () => {
    expect(resolveDatasetArgs(ROOT, [ROOT]).problems.map((problem) => problem.message)).toEqual(['not a dataset folder']);
  });

  test('no arguments: no ids and no problems', () => {
    expect(resolveDatasetArgs(ROOT, [])).toEqual({ ids: [], problems: [] });
  });
});

describe('checkDatasets', () => {
  const report = checkDatasets(ROOT, { ids: ['gansu', 'bad-sum'] });

  test('reads the given datasets in order', () => {
    expect(report.datasets.map((dataset) => dataset.id)).toEqual(['gansu', 'bad-sum']);
  });

  test('a data root without boundaries/ is a problem, not a crash', () => {
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ file: `${ROOT}/boundaries`, line: 0, column: 0, severity: 'error' });
    expect(report.problems[0]?.message.startsWith('boundary files could not be read: ')).toBe(true);
  });

  test('counts errors over the report and every dataset (boundaries + bad-sum)', () => {
    expect([report.errors, report.warnings]).toEqual([2, 0]);
  });

  test('problems are shown under the data root as given', () => {
    expect(report.datasets[1]?.problems.map((problem) => problem.file)).toEqual([`${ROOT}/bad-sum/dataset.yaml`]);
  });

  test('onDataset is called once per dataset with index and total', () => {
    const calls: [string, number, number][] = [];
    checkDatasets(ROOT, { ids: ['gb18030', 'gansu'], onDataset: (result, index, total) => calls.push([result.id, index, total]) });
    expect(calls).toEqual([
      ['gb18030', 0, 2],
      ['gansu', 1, 2],
    ]);
  });
});
