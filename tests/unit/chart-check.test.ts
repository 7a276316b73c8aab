import { describe, expect, test } from 'vitest';
import { checkCharts } from '../../src/lib/charts/check.ts';
import { readDataset } from '../../src/lib/data/dataset.ts';
import { formatProblem } from '../../src/schemas/problem.ts';

const datasets = [readDataset('tests/fixtures/data', 'gansu', { displayRoot: 'tests/fixtures/data' })];

describe('checkCharts', () => {
  test('checkCharts passes a chart whose dataset and columns exist', () => {
    const { specs, problems } = checkCharts('tests/fixtures/chart-specs', datasets, 'good', 'tests/fixtures/chart-specs');
    expect(problems).toEqual([]);
    expect(specs.map((spec) => spec.id)).toEqual(['fixture-share']);
  });

  test('checkCharts fails charts that name a missing column, a missing dataset or an unknown type, at their lines', () => {
    const { specs, problems } = checkCharts('tests/fixtures/chart-specs', datasets, 'bad', 'tests/fixtures/chart-specs');
    expect(specs).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'tests/fixtures/chart-specs/bad/missing-column.yaml:9:5: error: column minorityShare2030 is not in dataset gansu (found "minorityShare2030"); hint: its columns: adcode, county, population, minorityShare…',
      'tests/fixtures/chart-specs/bad/missing-dataset.yaml:6:10: error: chart names a dataset that does not exist or did not load (found "no-such-dataset"); hint: datasets: gansu',
      'tests/fixtures/chart-specs/bad/wrong-type.yaml:3:7: error: type: Invalid option: expected one of "bar"|"grouped-bar"|"stacked-bar"|"slope"|"small-multiples"|"line"',
    ]);
  });
});
