import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDataset, rowsOf } from '../../src/lib/data/dataset.ts';
import { formatProblem } from '../../src/schemas/problem.ts';
import { facetValues, filterPoints, placePoints, pointColumnsOf, pointDatasets, pointsOf } from '../../src/maps/points.ts';
import { fitProjection } from '../../src/maps/projection.ts';

// A made-up register (tests/fixtures/points/points): names and coordinates are invented and never published.
const ROOT = join(import.meta.dirname, '..', 'fixtures', 'points');
const result = readDataset(ROOT, 'points', { displayRoot: 'tests/fixtures/points' });
if (!result.meta || !result.file) throw new Error('fixture points did not load');
const meta = result.meta;
const file = result.file;
const columns = pointColumnsOf(meta.columns);
if (!columns) throw new Error('fixture is not a point dataset');
const { points, problems } = pointsOf(rowsOf(result), columns, file);

describe('point datasets', () => {
  test('the fixture reads without data problems', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  test('pointColumnsOf finds name, longitude, latitude and offers the text columns as filters', () => {
    expect(columns).toEqual({ name: 'name', longitude: 'longitude', latitude: 'latitude', facets: [{ key: 'district', label: '县区' }, { key: 'category', label: '类别' }] });
  });

  test('pointDatasets leaves out datasets without coordinates', () => {
    const census = { id: 'census', columns: [{ key: 'adcode', source: '区划代码', type: 'adcode' as const, meaning: 'x', allowScaleSuffix: false, required: false }] };
    expect(pointDatasets([census, { id: 'points', columns: meta.columns }]).map((dataset) => dataset.id)).toEqual(['points']);
  });

  test('pointsOf keeps rows with coordinates and reports the others with file and line', () => {
    expect(points.map((point) => point.name)).toEqual(['测试点甲', '测试点乙', '测试点丙']);
    expect(problems.map(formatProblem)).toEqual([
      'tests/fixtures/points/points/points-published.csv:5:1: warning: row has no coordinates; listed, not mapped',
      'tests/fixtures/points/points/points-published.csv:6:1: error: coordinates outside China (expected longitude 73–136, latitude 3–54, found "36.1, 103.7"); hint: longitude and latitude swapped?',
    ]);
  });

  test('facetValues lists each filter\'s values once, sorted', () => {
    expect(facetValues(points, 'category')).toEqual(['餐饮', '零售']);
  });

  test('filterPoints keeps points matching every chosen value; an empty choice matches all', () => {
    expect(filterPoints(points, { district: '城关区', category: '' }).map((point) => point.name)).toEqual(['测试点甲', '测试点乙']);
    expect(filterPoints(points, { district: '城关区', category: '餐饮' }).map((point) => point.name)).toEqual(['测试点甲']);
  });

  test('placePoints projects each point into the frame', () => {
    const frame = { type: 'Polygon' as const, coordinates: [[[103.7, 36.0], [103.7, 36.1], [103.9, 36.1], [103.9, 36.0], [103.7, 36.0]]] };
    const projection = fitProjection('mercator', [{ code: '0', name: 'frame', geometry: frame }], { width: 200, height: 100, padding: 0 });
    for (const point of placePoints(points, projection)) {
      expect(point.x).toBeGreaterThanOrEqual(0);
      expect(point.x).toBeLessThanOrEqual(200);
      expect(point.y).toBeGreaterThanOrEqual(0);
    }
  });
});
