import { describe, expect, test } from 'vitest';
import { keyAreaQuotes, reportSentences } from '../../src/lib/site/place/key-areas.ts';
import { educationParts, industryParts, rankAmong } from '../../src/lib/site/place/parts.ts';

describe('place profiles', () => {
  test('educationParts adds men and women per level and gives shares of the levels\' sum', () => {
    const row = Object.fromEntries(
      ['NoSchooling', 'Preschool', 'Primary', 'JuniorSecondary', 'SeniorSecondary', 'College', 'UniversityPlus'].flatMap((level) => [
        [`education${level}Male`, 10],
        [`education${level}Female`, 15],
      ]),
    );
    const parts = educationParts(row);
    expect(parts?.map((part) => part.count)).toEqual([25, 25, 25, 25, 25, 25, 25]);
    expect(parts?.[0]?.share).toBeCloseTo(1 / 7);
  });

  test('educationParts is undefined when a cell is missing, never a partial sum', () => {
    expect(educationParts({ educationNoSchoolingMale: { missing: 'not-available', marker: 'NA' } })).toBeUndefined();
  });

  test('industryParts sorts industries by size with shares of the total', () => {
    const columns = [
      { key: 'industryTotal', source: '各种行业人口总计', type: 'integer' as const, meaning: 'x', allowScaleSuffix: false, required: false },
      { key: 'industryMining', source: '采矿业', type: 'integer' as const, meaning: 'x', allowScaleSuffix: false, required: false },
      { key: 'industryEducation', source: '教育', type: 'integer' as const, meaning: 'x', allowScaleSuffix: false, required: false },
    ];
    expect(industryParts({ industryTotal: 100, industryMining: 10, industryEducation: 30 }, columns)).toEqual([
      { label: '教育', count: 30, share: 0.3 },
      { label: '采矿业', count: 10, share: 0.1 },
    ]);
  });

  test('rankAmong ranks highest first, ties sharing a rank', () => {
    expect([0.09, 0.05, 0.05, 0.01].map((value) => rankAmong(value, [0.09, 0.05, 0.05, 0.01]))).toEqual([1, 2, 2, 4]);
  });

  test('reportSentences returns whole sentences with their line', () => {
    expect(reportSentences('甲。乙在此。\n丙。乙又来。', '乙')).toEqual([
      { line: 1, sentence: '乙在此。' },
      { line: 2, sentence: '乙又来。' },
    ]);
  });

  test('keyAreaQuotes quotes the work report on 城关区\'s 桥门社区 and 排洪沟社区 verbatim', () => {
    const quotes = keyAreaQuotes('620102');
    expect(quotes.map((area) => area.name)).toEqual(['桥门社区', '排洪沟社区']);
    expect(quotes[0]?.quotes[0]?.line).toBe(23);
    expect(quotes[0]?.quotes[0]?.sentence.startsWith('我市在民族团结进步创建工作基础较好的城关区桥门社区')).toBe(true);
  });

  test('keyAreaQuotes finds 龙西村 for 兰州新区 and nothing for a unit the report does not name', () => {
    expect(keyAreaQuotes('620171')[0]?.quotes.map((quote) => quote.line)).toEqual([15, 23]);
    expect(keyAreaQuotes('620104')).toEqual([]);
  });
});
