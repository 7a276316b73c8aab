import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkCharts } from '../../src/lib/charts/check.ts';
import { readDataset } from '../../src/lib/data/dataset.ts';
import { formatProblem } from '../../src/lib/data/problems.ts';

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

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('chart palettes', () => {
  const tokens = readFileSync('src/styles/tokens.css', 'utf8');
  const blocks = tokens.split(/\n(?=:root|@media)/);
  const colours = (block: string, name: string) => [...block.matchAll(new RegExp(`--${name}: (#[0-9a-f]{6})`, 'g'))].map((match) => match[1] ?? '');

  test('every series colour has at least 3:1 contrast with the background, light and dark', () => {
    const light = blocks.find((block) => block.includes('--series-0: #0b5cad')) ?? '';
    const dark = blocks.find((block) => block.includes("[data-theme='dark']")) ?? '';
    for (const [block, background] of [[light, '#ffffff'], [dark, '#12161b']] as const) {
      const series = colours(block, 'series-\\d');
      expect(series.length).toBe(7);
      for (const colour of series) expect(contrast(colour, background), colour).toBeGreaterThanOrEqual(3);
    }
  });
});
