import { geoIdentity } from 'd3-geo';
import { describe, expect, test } from 'vitest';
import { curatedMaps } from '../../src/maps/catalogue.ts';
import { LABEL, mapLabels, shortNames, type LabelledRegion } from '../../src/maps/labels.ts';
import { buildMapModel } from '../../src/maps/model.ts';
import { readDataset, rowsOf } from '../../src/lib/data/dataset.ts';
import { loadGroupTables } from '../../src/lib/data/workbook/groups.ts';

const groupNames = loadGroupTables('data/reference').groups.map((group) => group.name);

/** A square region `size` units wide with its top-left corner at (x, y), in SVG units (identity projection). */
const square = (code: string, name: string, x: number, y: number, size: number): LabelledRegion => ({
  code,
  name,
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});

describe('shortNames', () => {
  test('shortNames("甘南藏族自治州") gives 甘南州, then 甘南', () => {
    expect(shortNames('甘南藏族自治州', groupNames)).toEqual(['甘南州', '甘南']);
  });

  test('shortNames of a county named after three groups gives its place name: 积石山县', () => {
    expect(shortNames('积石山保安族东乡族撒拉族自治县', groupNames)[0]).toBe('积石山县');
  });

  test('shortNames("张家川回族自治县") keeps the whole place name: 张家川县', () => {
    expect(shortNames('张家川回族自治县', groupNames)[0]).toBe('张家川县');
  });

  test('shortNames("城关区") drops the unit: 城关; a two-character name is left whole', () => {
    expect(shortNames('城关区', groupNames)).toEqual(['城关']);
    expect(shortNames('通州', groupNames)).toEqual([]);
  });
});

describe('mapLabels', () => {
  const frame = { width: 326, height: 200 };
  const identity = geoIdentity();

  test('mapLabels puts each name at the middle of its square, sized 13 px for a 326 px map', () => {
    const { labels, fontSize } = mapLabels([square('1', '甲区', 0, 0, 100), square('2', '乙区', 150, 0, 100)], identity, frame, groupNames);
    expect(fontSize).toBe(LABEL.narrowFontPx);
    expect(labels.map((label) => [label.text, Math.round(label.x), Math.round(label.y)])).toEqual([
      ['甲区', 50, 50],
      ['乙区', 200, 50],
    ]);
  });

  test('mapLabels shortens a name wider than its region: 城关区 in a 26-unit square is 城关', () => {
    const { labels } = mapLabels([square('1', '城关区', 0, 0, 26)], identity, frame, groupNames);
    expect(labels.map((label) => label.text)).toEqual(['城关']);
  });

  test('mapLabels draws no labels on a map of more than 30 regions', () => {
    const many = Array.from({ length: 31 }, (_, i) => square(String(i), `区${i}`, (i % 6) * 50, Math.floor(i / 6) * 30, 20));
    expect(mapLabels(many, identity, { width: 326, height: 400 }, groupNames).labels).toEqual([]);
  });
});

describe('buildMapModel labels', () => {
  const result = readDataset('data', 'lanzhou-population-2010-2020');
  const source = { dataset: result.id, title: '', publisher: '', date: '', file: result.file ?? '', unmatchedAdcodes: [], status: 'real' as const };
  const build = (id: string) => {
    const spec = curatedMaps.find((candidate) => candidate.id === id);
    if (!spec) throw new Error(`no map ${id}`);
    return buildMapModel(spec, rowsOf(result), source, { boundaryDir: 'data/boundaries', groupNames });
  };

  test('the Lanzhou map names all nine units on the map, no two labels overlapping', () => {
    const model = build('lanzhou-minority-share-2020');
    expect(model.labels.map((label) => label.text)).toEqual(['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区']);
    const boxes = model.labels.map((label) => ({ left: label.x - (label.text.length * model.labelSize) / 2, right: label.x + (label.text.length * model.labelSize) / 2, top: label.y - model.labelSize / 2, bottom: label.y + model.labelSize / 2 }));
    const overlapping = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
    expect(overlapping).toEqual([]);
  });

  test('the Gansu county map (87 units) has no labels', () => {
    const gansu = readDataset('data', 'gansu-population-2010-2020');
    const spec = curatedMaps.find((candidate) => candidate.id === 'gansu-counties-minority-share-2020');
    if (!spec) throw new Error('no Gansu county map');
    const model = buildMapModel(spec, rowsOf(gansu), { ...source, dataset: gansu.id, file: gansu.file ?? '' }, { boundaryDir: 'data/boundaries', groupNames });
    expect(model.regions.length).toBeGreaterThan(30);
    expect(model.labels).toEqual([]);
  });
});
