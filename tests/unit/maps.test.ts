import { geoArea, geoPath } from 'd3-geo';
import { describe, expect, test } from 'vitest';
import { classOf, classify, contrast, divergingBreaks, paletteFor, quantileBreaks } from '../../src/maps/classify.ts';
import { curatedMaps, PROVINCE_COUNTY_DATASET, provinceCountyMapId, provinceCountyMaps } from '../../src/maps/catalogue.ts';
import { joinByAdcode, MapJoinError } from '../../src/maps/join.ts';
import { boundaryChanged, formatPoints, minorityShareChange } from '../../src/maps/measures.ts';
import { buildMapModel, UNCODED, type MapRow } from '../../src/maps/model.ts';
import { fitProjection, fittedHeight, minWeightFor, pathOf, unitsPerDegree } from '../../src/maps/projection.ts';
import { layerFeatures, preparedBoundaries, rewound, simplifyPrepared, type BoundaryFeature } from '../../src/maps/topology.ts';
import { formatProblem } from '../../src/schemas/problem.ts';
import { readDataset, rowsOf } from '../../src/lib/data/dataset.ts';

const BOUNDARIES = 'data/boundaries';
const square = (code: string, x: number, y: number): BoundaryFeature => ({
  code,
  name: code,
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]] },
});

describe('joinByAdcode', () => {
  const features = [square('620102', 103, 36), square('620103', 104, 36), square('620104', 105, 36)];

  test('joins rows to polygons by adcode and keeps polygons without a row', () => {
    const joined = joinByAdcode(features, [{ adcode: '620103', sourceLine: 5, value: 1 }], { file: 'data/x/x.csv' });
    expect(joined.map((region) => [region.feature.code, region.record?.sourceLine])).toEqual([
      ['620102', undefined],
      ['620103', 5],
      ['620104', undefined],
    ]);
  });

  test('throws MapJoinError naming file and line when a row has no polygon', () => {
    const join = () => joinByAdcode(features, [{ adcode: '620199', sourceLine: 12, value: 1 }], { file: 'data/x/x.csv' });
    expect(join).toThrow(MapJoinError);
    try {
      join();
    } catch (error) {
      expect((error as MapJoinError).problems.map(formatProblem)).toEqual([
        'data/x/x.csv:12:1: error: adcode has no polygon in the map\'s boundary layer (expected an adcode of the boundary file, found "620199"); hint: check the code, or list it under unmatchedAdcodes in dataset.yaml with the reason',
      ]);
    }
  });

  test('accepts a row whose adcode the metadata lists under unmatchedAdcodes', () => {
    const joined = joinByAdcode(features, [{ adcode: '170971', sourceLine: 3, value: 1 }], { file: 'x.csv', knownUnmatched: new Set(['170971']) });
    expect(joined).toHaveLength(3);
  });

  test('throws when two rows share an adcode', () => {
    const rows = [
      { adcode: '620102', sourceLine: 3, value: 1 },
      { adcode: '620102', sourceLine: 4, value: 2 },
    ];
    expect(() => joinByAdcode(features, rows, { file: 'x.csv' })).toThrow(/appears twice/);
  });
});

describe('class breaks', () => {
  const rounded = (values: number[]) => values.map((value) => Math.round(value * 1e6) / 1e6);

  test('quantileBreaks([1…10], 5) returns four breaks splitting the values into fifths', () => {
    expect(rounded(quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5))).toEqual([2.8, 4.6, 6.4, 8.2]);
  });

  test('quantileBreaks with tied values returns fewer classes, never an empty one', () => {
    expect(rounded(quantileBreaks([1, 1, 1, 1, 1, 1, 1, 1, 2, 3], 5))).toEqual([1.2]);
  });

  test('classOf puts a value equal to a break in the upper class', () => {
    expect([1, 2.8, 2.9, 10].map((value) => classOf(value, [2.8, 4.6, 6.4, 8.2]))).toEqual([0, 1, 1, 4]);
  });

  test('divergingBreaks always has 0 as a break when values fall on both sides', () => {
    expect(divergingBreaks([-3, -2, -1, 1, 2, 3], 2)).toEqual([-2, 0, 2]);
  });

  test('divergingBreaks leaves out 0 when no value fell', () => {
    expect(divergingBreaks([1, 2, 3, 4], 2)).toEqual([2.5]);
  });

  test('paletteFor gives one colour per class, purples below zero and oranges above', () => {
    const classes = classify([-3, -2, -1, 1, 2, 3], 'quantile-diverging', 4);
    const palette = paletteFor(classes);
    expect(palette).toHaveLength(classes.breaks.length + 1);
    expect(palette).toEqual(['#5e3c99', '#b2abd2', '#fdb863', '#e66101']);
  });

  test('the sequential palette skips the lightest blue so every class differs from the page', () => {
    const palette = paletteFor(classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantile', 5));
    expect(palette).toHaveLength(5);
    for (const colour of palette) expect(contrast(colour, '#ffffff')).toBeGreaterThan(1.3);
  });
});

describe('projection', () => {
  const prepared = preparedBoundaries(BOUNDARIES, 'county');
  const lanzhou = layerFeatures(prepared.topology, 'county', (code) => code.startsWith('6201'));

  test('fitProjection(mercator) puts Lanzhou\'s nine units inside the frame and the city centre inside 城关区\'s box', () => {
    const frame = { width: 600, height: fittedHeight('mercator', lanzhou, 600, 8), padding: 8 };
    const projection = fitProjection('mercator', lanzhou, frame);
    const [[x0, y0], [x1, y1]] = geoPath(projection).bounds({ type: 'FeatureCollection', features: lanzhou.map((item) => ({ type: 'Feature', properties: {}, geometry: item.geometry })) });
    expect(x0).toBeGreaterThanOrEqual(7.9);
    expect(y0).toBeGreaterThanOrEqual(7.9);
    expect(x1).toBeLessThanOrEqual(frame.width - 7.9);
    expect(y1).toBeLessThanOrEqual(frame.height - 7.9);
    const chengguan = lanzhou.find((item) => item.code === '620102');
    if (!chengguan) throw new Error('no 城关区');
    const [[cx0, cy0], [cx1, cy1]] = geoPath(projection).bounds(chengguan.geometry);
    const [x, y] = projection([103.83, 36.06]) ?? [Number.NaN, Number.NaN];
    expect(x).toBeGreaterThan(cx0);
    expect(x).toBeLessThan(cx1);
    expect(y).toBeGreaterThan(cy0);
    expect(y).toBeLessThan(cy1);
  });

  test('fitProjection(albers-china) keeps north up: Beijing is drawn above Guangzhou', () => {
    const provinces = layerFeatures(preparedBoundaries(BOUNDARIES, 'province').topology, 'province');
    const projection = fitProjection('albers-china', provinces, { width: 800, height: 900, padding: 8 });
    const beijing = projection([116.4, 39.9]);
    const guangzhou = projection([113.3, 23.1]);
    expect(beijing?.[1]).toBeLessThan(guangzhou?.[1] ?? 0);
  });

  test('pathOf writes relative coordinates rounded to the step', () => {
    const projection = fitProjection('mercator', [square('1', 0, 0)], { width: 100, height: 100, padding: 0 });
    expect(pathOf(projection, square('1', 0, 0).geometry, 1)).toBe('M0 100l0-100 100 0 0 100z');
    expect(pathOf(projection, square('1', 0, 0).geometry, 0.5)).toBe('M0 100l0-100 100 0 0 100z');
    expect(pathOf(projection.scale(projection.scale() / 3), square('1', 0, 0).geometry, 0.5)).toMatch(/^M[0-9.]+ [0-9.]+l0-33.5 33.5 0 0 33.5z$/);
  });
});

describe('simplification', () => {
  test.each([
    ['county', ''],
    ['county', '62'],
    ['prefecture', ''],
    ['province', ''],
  ] as const)('the %s layer (prefix "%s") keeps every unit, each with an area, at the national map\'s detail', (layer, prefix) => {
    const prepared = preparedBoundaries(BOUNDARIES, layer);
    const include = (code: string) => code.startsWith(prefix);
    const full = layerFeatures(prepared.topology, layer, include);
    const projection = fitProjection('albers-china', full, { width: 800, height: 900, padding: 8 });
    const simplified = layerFeatures(simplifyPrepared(prepared, minWeightFor(unitsPerDegree(projection, full), 14)), layer, include);
    expect(simplified.map((item) => item.code)).toEqual(full.map((item) => item.code));
    const vanished = simplified.filter((item) => !(geoPath(projection).area(item.geometry) > 0)).map((item) => item.code);
    expect(vanished).toEqual([]);
    const inverted = simplified.filter((item) => geoArea(item.geometry) > 2 * Math.PI).map((item) => item.code);
    expect(inverted).toEqual([]);
  });

  test('simplifyPrepared at the national county detail drops most points', () => {
    const prepared = preparedBoundaries(BOUNDARIES, 'county');
    const simplified = simplifyPrepared(prepared, 1e-3);
    expect(simplified.arcs.reduce((sum, arc) => sum + arc.length, 0)).toBeLessThan(prepared.points / 2);
  });
});

test('rewound turns back a ring that encloses the rest of the world', () => {
  const inverted = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
  expect(geoArea(inverted)).toBeGreaterThan(2 * Math.PI);
  expect(geoArea(rewound(inverted))).toBeLessThan(0.001);
});

describe('measures', () => {
  test('minorityShareChange gives percentage points from the two published shares', () => {
    expect(minorityShareChange.value({ minorityShare2020: 0.0495, minorityShare2010: 0.0519 }, '620102')).toBe(-0.24);
  });

  test('minorityShareChange gives no number, with the reason, for units whose boundaries changed', () => {
    for (const code of ['620171', '620121', '620122', '620881']) {
      expect(minorityShareChange.value({ minorityShare2020: 0.05, minorityShare2010: 0.04 }, code)).toEqual({ reason: boundaryChanged[code] });
    }
  });

  test('formatPoints signs the change', () => {
    expect([formatPoints(0.81), formatPoints(-0.35), formatPoints(0)]).toEqual(['+0.81 个百分点', '−0.35 个百分点', '0.00 个百分点']);
  });
});

describe('buildMapModel', () => {
  const spec = curatedMaps.find((candidate) => candidate.id === 'lanzhou-minority-share-change');
  if (!spec) throw new Error('no Lanzhou change map');
  const rows: MapRow[] = [
    { sourceLine: 3, geoLevel: 'prefecture', isSubtotal: false, values: { adcode: '620100', county: '兰州市', minorityShare2020: 0.0522, minorityShare2010: 0.0441 } },
    { sourceLine: 4, geoLevel: 'county', isSubtotal: false, values: { adcode: '620102', county: '城关区', minorityShare2020: 0.0495, minorityShare2010: 0.0519 } },
    { sourceLine: 5, geoLevel: 'county', isSubtotal: false, values: { adcode: '620103', county: '七里河区', minorityShare2020: 0.0867, minorityShare2010: 0.0732 } },
    { sourceLine: 6, geoLevel: 'county', isSubtotal: false, values: { adcode: '620171', county: '兰州新区', minorityShare2020: 0.0556, minorityShare2010: { missing: 'blank', marker: '' } } },
  ];
  const source = { dataset: 'x', title: 'x', publisher: 'x', date: '2022', file: 'data/x/x.csv', unmatchedAdcodes: [], status: 'real' as const };
  const model = buildMapModel(spec, rows, source, { boundaryDir: BOUNDARIES, profileOf: (code) => `/places/${code}/` });

  test('draws all nine units in adcode order, each with a path and a profile link', () => {
    expect(model.regions.map((region) => region.code)).toEqual(['620102', '620103', '620104', '620105', '620111', '620121', '620122', '620123', '620171']);
    expect(model.regions.every((region) => region.d.startsWith('M') && region.href === `/places/${region.code}/`)).toBe(true);
  });

  test('names each region with place, value and rank', () => {
    expect(model.regions[1]?.label).toBe('七里河区：比重变化 +1.35 个百分点，按上升幅度从大到小第 1 位（共 2 个）');
    expect(model.regions[0]?.label).toBe('城关区：比重变化 −0.24 个百分点，按上升幅度从大到小第 2 位（共 2 个）');
  });

  test('shows 兰州新区 as no data with the boundary reason, never as a number', () => {
    const xinqu = model.regions.find((region) => region.code === '620171');
    expect(xinqu?.value).toBeUndefined();
    expect(xinqu?.fill).toBeUndefined();
    expect(model.notes).toContain(`兰州新区：${boundaryChanged['620171']}`);
  });

  test('a row whose adcode has no polygon stops the build', () => {
    const bad: MapRow[] = [...rows, { sourceLine: 9, geoLevel: 'county', isSubtotal: false, values: { adcode: '620199', county: '无此县', minorityShare2020: 0.01, minorityShare2010: 0.01 } }];
    expect(() => buildMapModel(spec, bad, source, { boundaryDir: BOUNDARIES })).toThrow(/data\/x\/x\.csv:9:1/);
  });
});

describe('provinceCountyMaps over china-counties-2020', () => {
  const result = readDataset('data', PROVINCE_COUNTY_DATASET);
  const rows: MapRow[] = rowsOf(result).map((row) => ({ sourceLine: row.sourceLine, geoLevel: row.geoLevel, isSubtotal: row.isSubtotal, values: row.values }));
  const provinces = rows.filter((row) => row.geoLevel === 'province').map((row) => ({ code: String(row.values['adcode']), name: String(row.values['province']) }));
  const unmatched = (result.meta?.unmatchedAdcodes ?? []).map((entry) => entry.adcode);
  const source = { dataset: PROVINCE_COUNTY_DATASET, title: 'x', publisher: 'x', date: '2022', file: result.file ?? '', unmatchedAdcodes: unmatched, status: 'real' as const };
  const specs = provinceCountyMaps(provinces);

  test('provinceCountyMaps gives one map per province except Gansu, which keeps its own county map', () => {
    expect(provinces).toHaveLength(31);
    expect(specs).toHaveLength(30);
    expect(new Set(specs.map((spec) => spec.id)).size).toBe(30);
    expect(specs.map((spec) => spec.id)).not.toContain('china-counties-620000-minority-share-2020');
    expect(provinceCountyMapId('620000')).toBe('gansu-counties-minority-share-2020');
    expect(specs[0]?.id).toBe('china-counties-110000-minority-share-2020');
  });

  test.each(specs.map((spec) => [spec.id, spec] as const))('%s joins every county row of its province that has an adcode, except listed unmatched ones', (_id, spec) => {
    const model = buildMapModel(spec, rows, source, { boundaryDir: BOUNDARIES });
    const counties = rows.filter((row) => row.geoLevel === 'county' && !row.isSubtotal && row.values['province'] === spec.provinceName);
    const coded = counties.filter((row) => typeof row.values['adcode'] === 'string' && !unmatched.includes(String(row.values['adcode'])));
    const joined = new Map(model.regions.filter((region) => region.sourceLine !== undefined).map((region) => [region.sourceLine, region.code]));
    for (const row of coded) expect(joined.get(row.sourceLine), `line ${row.sourceLine}`).toBe(row.values['adcode']);
    const uncoded = counties.filter((row) => typeof row.values['adcode'] !== 'string');
    for (const row of uncoded) expect(model.notes).toContain(`${String(row.values['county'])}：${UNCODED}（原表第 ${row.sourceLine} 行）`);
    expect(model.unmapped).toBe(counties.length - coded.length);
    expect(model.regions.every((region) => region.d.startsWith('M') && region.label.startsWith(region.name))).toBe(true);
  });

  test('a city without counties (东莞市 441900) is drawn from its prefecture row', () => {
    const spec = specs.find((candidate) => candidate.prefix === '44');
    if (!spec) throw new Error('no Guangdong map');
    const dongguan = buildMapModel(spec, rows, source, { boundaryDir: BOUNDARIES }).regions.find((region) => region.code === '441900');
    expect(dongguan?.name).toBe('东莞市');
    expect(dongguan?.value).toBeTypeOf('number');
  });

  test('subtotal rows (市辖区) are never drawn or listed', () => {
    for (const spec of specs.filter((candidate) => ['13', '42'].includes(candidate.prefix))) {
      const model = buildMapModel(spec, rows, source, { boundaryDir: BOUNDARIES });
      expect(model.notes.some((note) => note.startsWith('市辖区') || note.startsWith('省直辖县级行政区划'))).toBe(false);
    }
  });
});
