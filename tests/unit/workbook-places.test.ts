import { describe, expect, test } from 'vitest';
import type { WorkbookRow } from '../../src/lib/data/workbook/read.ts';
import { matchPrefecturesAndCounties, matchProvinces, parsePlaces } from '../../src/lib/data/workbook/places.ts';
import { workbookSpecSchema } from '../../src/schemas/workbook.ts';
import { foldName, indentOf } from '../../src/lib/data/workbook/labels.ts';

/** A 2010 county table in miniature: header with a line break, indented counties, a 市辖区 without a code. */
const PLACES = parsePlaces([
  '地区,区划代码,合计',
  '甘肃省,620000,1',
  '兰州市,620100,1',
  '  城关区,620102,1',
  '  七里河区,620103,1',
  '嘉峪关市,620200,1',
  '  市辖区,,1',
  '西藏自治区,540000,1',
  '拉萨市,540100,1',
  '  城关区,540102,1',
  '内蒙古自治区,150000,1',
  '宁夏回族自治区,640000,1',
].join('\n'));

function rows(...labels: string[]): WorkbookRow[] {
  return labels.map((label, index) => ({ rowNumber: index + 5, label, labelRef: `A${index + 5}`, name: foldName(label), indent: indentOf(label), key: foldName(label), isTotal: ['总计', '全国'].includes(foldName(label)), cells: [] }));
}

const gansu = workbookSpecSchema.shape.places.unwrap().parse({ level: 'prefectures', province: '620000', unmatched: [{ name: '市辖区', under: '嘉峪关市', note: '此行即全市' }] });

describe('parsePlaces', () => {
  test('parsePlaces reads levels and parents from the codes and leaves out rows without a code', () => {
    expect(PLACES.filter((place) => place.adcode.startsWith('62'))).toEqual([
      { adcode: '620000', name: '甘肃省', level: 'province', parent: undefined },
      { adcode: '620100', name: '兰州市', level: 'prefecture', parent: '620000' },
      { adcode: '620102', name: '城关区', level: 'county', parent: '620100' },
      { adcode: '620103', name: '七里河区', level: 'county', parent: '620100' },
      { adcode: '620200', name: '嘉峪关市', level: 'prefecture', parent: '620000' },
    ]);
  });
});

describe('matchProvinces', () => {
  test('matchProvinces joins short padded names and full names to province codes; the national row has none', () => {
    const matching = matchProvinces(rows('全    国', '甘    肃', '内 蒙 古', '宁夏回族自治区', '西    藏'), PLACES);
    expect(matching.matches.map((match) => [match.name, match.level, match.adcode])).toEqual([
      ['全国', 'nation', undefined], ['甘肃', 'province', '620000'], ['内蒙古', 'province', '150000'], ['宁夏回族自治区', 'province', '640000'], ['西藏', 'province', '540000'],
    ]);
    expect(matching.unmatched).toEqual([]);
  });

  test('matchProvinces lists a name it cannot join', () => {
    expect(matchProvinces(rows('全国', '火星'), PLACES).unmatched.map((match) => match.name)).toEqual(['火星']);
  });
});

describe('matchPrefecturesAndCounties', () => {
  test('matchPrefecturesAndCounties finds 城关区 under the prefecture printed above it', () => {
    const matching = matchPrefecturesAndCounties(rows('总计', '兰州市', '  城关区', '  七里河区'), PLACES, gansu);
    expect(matching.matches.map((match) => [match.name, match.level, match.adcode])).toEqual([
      ['总计', 'province', '620000'], ['兰州市', 'prefecture', '620100'], ['城关区', 'county', '620102'], ['七里河区', 'county', '620103'],
    ]);
  });

  test('matchPrefecturesAndCounties keeps a declared name without a code, with its note, out of the unmatched', () => {
    const matching = matchPrefecturesAndCounties(rows('嘉峪关市', '  市辖区'), PLACES, gansu);
    expect(matching.matches[1]).toEqual({ rowNumber: 6, name: '市辖区', level: 'county', adcode: undefined, note: '此行即全市' });
    expect(matching.unmatched).toEqual([]);
  });

  test('matchPrefecturesAndCounties lists an unknown county and the 2010 places no row names', () => {
    const matching = matchPrefecturesAndCounties(rows('兰州市', '  兰州新区'), PLACES, gansu);
    expect(matching.unmatched.map((match) => match.name)).toEqual(['兰州新区']);
    expect(matching.absent.map((place) => place.name)).toEqual(['嘉峪关市', '城关区', '七里河区']);
  });

  test('matchPrefecturesAndCounties finds a county printed under another prefecture and says so', () => {
    const matching = matchPrefecturesAndCounties(rows('嘉峪关市', '  七里河区'), PLACES, gansu);
    expect(matching.matches[1]).toMatchObject({ adcode: '620103', note: 'printed under 嘉峪关市, listed under 620100 in the 2010 table' });
  });
});
