import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { datasetMetaSchema, type DatasetMetaInput } from '../../src/schemas/dataset.ts';
import { columnsWithMissing, downloadValue, inPublishedUnit, missingNote, shippedColumns, type DownloadRow } from '../../src/lib/download/columns.ts';
import { BOM, csvField, toCleanCsv, toColumnsCsv, toCsv } from '../../src/lib/download/csv.ts';
import { gbt7714Citation, plainCitation } from '../../src/lib/download/citation.ts';
import { datasetRecord, rowRecord, toDatasetJson } from '../../src/lib/download/json.ts';
import { clashingDownload, downloadPaths, generatedFileNames, originalFileName } from '../../src/lib/download/paths.ts';
import { licenceText, toReadme } from '../../src/lib/download/readme.ts';
import { toZip, zipTimestamp } from '../../src/lib/download/zip.ts';
import { datasetDownloads } from '../../src/lib/download/bundle.ts';
import { rowAnchor } from '../../src/lib/site/anchors.ts';

const metaInput: DatasetMetaInput = {
  id: 'test-population',
  status: 'real',
  version: 2,
  updated: '2026-11-27',
  title: '测试人口',
  titleEn: 'Test population',
  summary: '测试用的人口数据。',
  publisher: '国家统计局',
  source: { title: '中国人口普查分县资料—2020', publisher: '中国统计出版社', date: '2022', via: '测试转录' },
  licence: { name: '测试许可', attribution: '来源：国家统计局' },
  geography: { area: '兰州市', levels: ['county'] },
  period: '2020',
  file: 'test.csv',
  rowSchema: 'generic',
  columns: [
    { source: '区县', key: 'county', type: 'text', meaning: '县级单位名称' },
    { source: '人口', key: 'population', type: 'integer', unit: '人', meaning: '常住人口' },
    { source: '少数民族人口\n比重(%)', key: 'minorityShare', type: 'percent', unit: '%', meaning: '少数民族人口比重' },
  ],
  sourceErrors: [{ line: 4, key: 'population', found: '0.5', note: '人口列中出现了比例' }],
  caveats: ['比重保留两位小数。'],
};
const meta = datasetMetaSchema.parse(metaInput);
const sampleMeta = datasetMetaSchema.parse({ ...metaInput, status: 'sample' });
const columns = shippedColumns(meta);

const rows: DownloadRow[] = [
  { sourceLine: 2, values: { county: '城关区', population: 1_278_745, minorityShare: 0.0522 } },
  { sourceLine: 3, values: { county: '七里河区, 西片', population: 561_020, minorityShare: { missing: 'not-available', marker: 'NA' } } },
  { sourceLine: 4, values: { county: '说"明"', population: { missing: 'source-error', marker: '0.5' }, minorityShare: 0.011 } },
];

const paths = downloadPaths(meta, meta);
const bundleInput = { meta, rows, paths, pagePath: '/data/test-population/', site: 'https://example.org', siteName: '兰州民族工作数据站' };

const csvLines = (csv: string) => csv.slice(BOM.length).trimEnd().split('\r\n');

describe('download values', () => {
  test('inPublishedUnit(0.0522, "percent") returns 5.22 without float error', () => {
    expect(inPublishedUnit(0.0522, 'percent')).toBe(5.22);
  });

  test('inPublishedUnit(0.00812, "permille") returns 8.12', () => {
    expect(inPublishedUnit(0.00812, 'permille')).toBe(8.12);
  });

  test('inPublishedUnit leaves integers as they are', () => {
    expect(inPublishedUnit(4_359_446, 'integer')).toBe(4_359_446);
  });

  test('downloadValue(missing) returns null, never 0', () => {
    expect(downloadValue({ missing: 'suppressed', marker: 'x' }, 'integer')).toBeNull();
  });

  test('missingNote for a source error quotes the published value and the reason', () => {
    expect(missingNote({ missing: 'source-error', marker: '0.5' }, 4, 'population', meta.sourceErrors)).toBe('原表数值有误，本站不采用：原表为“0.5”，人口列中出现了比例');
  });

  test('columnsWithMissing lists only the columns with a missing cell', () => {
    expect([...columnsWithMissing(columns, rows)]).toEqual(['population', 'minorityShare']);
  });

  test('shippedColumns keeps only the `keep` columns of a view, in metadata order', () => {
    expect(shippedColumns({ columns: meta.columns, keep: ['minorityShare', 'county'] }).map((column) => column.key)).toEqual(['county', 'minorityShare']);
  });

  test('rowAnchor({ figure }) returns figure-<figure>', () => {
    expect(rowAnchor({ figure: 'halal-meat-subsidy-total-2016' })).toBe('figure-halal-meat-subsidy-total-2016');
  });

  test('rowAnchor of a row without a figure key returns undefined', () => {
    expect(rowAnchor({ county: '城关区' })).toBeUndefined();
  });
});

describe('CSV', () => {
  test('csvField quotes fields with commas', () => {
    expect(csvField('七里河区, 西片')).toBe('"七里河区, 西片"');
  });

  test('csvField doubles quotes inside a quoted field', () => {
    expect(csvField('说"明"')).toBe('"说""明"""');
  });

  test('csvField quotes fields with line breaks', () => {
    expect(csvField('一\n二')).toBe('"一\n二"');
  });

  test('csvField(null) is an empty field', () => {
    expect(csvField(null)).toBe('');
  });

  test('toCsv starts with a BOM and ends lines with CRLF', () => {
    expect(toCsv(['a'], [[1]])).toBe('\uFEFFa\r\n1\r\n');
  });

  test('toCleanCsv(rows) header is sourceLine, the keys, and a _note column after each column with missing values', () => {
    expect(csvLines(toCleanCsv(columns, rows))[0]).toBe('sourceLine,county,population,population_note,minorityShare,minorityShare_note');
  });

  test('toCleanCsv(rows) writes shares in % as published, numbers without separators', () => {
    expect(csvLines(toCleanCsv(columns, rows))[1]).toBe('2,城关区,1278745,,5.22,');
  });

  test('toCleanCsv(rows) leaves a missing value empty and explains it in the _note column', () => {
    expect(csvLines(toCleanCsv(columns, rows))[2]).toBe('3,"七里河区, 西片",561020,,,数据不详（原表 NA）');
  });

  test('toCleanCsv(rows) explains a rejected published value with its note', () => {
    expect(csvLines(toCleanCsv(columns, rows, meta.sourceErrors))[3]).toBe('4,"说""明""",,原表数值有误，本站不采用：原表为“0.5”，人口列中出现了比例,1.1,');
  });

  test('toCleanCsv(rows) has no _note columns when nothing is missing', () => {
    expect(csvLines(toCleanCsv(columns, rows.slice(0, 1)))[0]).toBe('sourceLine,county,population,minorityShare');
  });

  test('toColumnsCsv maps every CSV column to its published header, unit and meaning', () => {
    const lines = csvLines(toColumnsCsv(columns, rows));
    expect(lines[0]).toBe('字段名,原表列名,类型,单位,含义');
    expect(lines).toContain('minorityShare,少数民族人口比重(%),百分数,%,少数民族人口比重');
    expect(lines.some((line) => line.startsWith('population_note,'))).toBe(true);
  });
});

describe('paths', () => {
  test('downloadPaths puts every file under /data/<id>/v<version>/', () => {
    expect(paths).toEqual({
      dir: '/data/test-population/v2/',
      csv: '/data/test-population/v2/test-population.csv',
      columns: '/data/test-population/v2/test-population-columns.csv',
      json: '/data/test-population/v2/test-population.json',
      zip: '/data/test-population/v2/test-population.zip',
      original: '/data/test-population/v2/test.csv',
      parts: [],
    });
  });

  test('downloadPaths of sample data end in -sample', () => {
    expect(downloadPaths(sampleMeta, sampleMeta).csv).toBe('/data/test-population/v2/test-population-sample.csv');
  });

  test('originalFileName of sample data puts -sample before the extension', () => {
    expect(originalFileName('groups.csv', 'sample')).toBe('groups-sample.csv');
  });

  test('downloadPaths of a view links the original file under its base version', () => {
    const view = { id: 'lanzhou-view', status: 'real' as const, version: 1 };
    expect(downloadPaths(view, { id: 'base', status: 'real', version: 3, file: 'base.csv' }).original).toBe('/data/base/v3/base.csv');
  });

  test('generatedFileNames names the four files every version gets', () => {
    expect(generatedFileNames({ id: 'groups', status: 'sample' })).toEqual({ csv: 'groups-sample.csv', columns: 'groups-sample-columns.csv', json: 'groups-sample.json', zip: 'groups-sample.zip' });
  });

  test.each([
    ['real', 'groups.csv', 'csv', 'groups.csv'],
    ['real', 'groups-columns.csv', 'columns', 'groups-columns.csv'],
    ['real', 'groups.json', 'json', 'groups.json'],
    ['real', 'groups.zip', 'zip', 'groups.zip'],
    ['real', 'Groups.CSV', 'csv', 'groups.csv'],
    ['sample', 'groups.csv', 'csv', 'groups-sample.csv'],
    ['sample', 'groups.json', 'json', 'groups-sample.json'],
  ] as const)('clashingDownload: a %s dataset "groups" with the published file %s takes the URL of its %s download', (status, file, kind, name) => {
    expect(clashingDownload({ id: 'groups', status, file })).toEqual({ kind, name });
  });

  test.each([
    ['real', 'groups-2010.csv'],
    ['real', 'groups-sample.csv'],
    ['sample', 'groups-sample.csv'],
    ['sample', 'groups-published.csv'],
    ['sample', 'groups-columns.csv'],
  ] as const)('clashingDownload: a %s dataset "groups" with the published file %s clashes with nothing', (status, file) => {
    expect(clashingDownload({ id: 'groups', status, file })).toBeUndefined();
  });
});

describe('citation', () => {
  const context = { siteName: '兰州民族工作数据站', url: 'https://example.org/data/test-population/' };

  test('gbt7714Citation follows 责任者. 题名[DS/OL]. 版本. 出版者, 年(更新日期)[引用日期]. URL.', () => {
    expect(gbt7714Citation(meta, context)).toBe('国家统计局. 测试人口[DS/OL]. 2版. 兰州民族工作数据站, 2026(2026-11-27)[引用日期]. https://example.org/data/test-population/.');
  });

  test('plainCitation names the original publication, the site, the version and the URL', () => {
    expect(plainCitation(meta, context)).toBe('数据来源：中国统计出版社《中国人口普查分县资料—2020》（2022）。兰州民族工作数据站整理：“测试人口”，第 2 版，2026-11-27 更新，https://example.org/data/test-population/');
  });

  test('gbt7714Citation of sample data carries 示例数据，非真实统计 in the title', () => {
    expect(gbt7714Citation(sampleMeta, context)).toContain('测试人口（示例数据，非真实统计）[DS/OL]');
  });
});

describe('JSON', () => {
  const record = datasetRecord(meta, { paths, pagePath: '/data/test-population/', site: 'https://example.org', rowCount: rows.length });

  test('datasetRecord gives absolute page and download URLs', () => {
    expect(record.page).toBe('https://example.org/data/test-population/');
    expect(record.downloads.zip).toBe('https://example.org/data/test-population/v2/test-population.zip');
  });

  test('datasetRecord lists columns with key, published header, type, unit and meaning', () => {
    expect(record.columns[2]).toEqual({ key: 'minorityShare', source: '少数民族人口比重(%)', type: 'percent', unit: '%', meaning: '少数民族人口比重' });
  });

  test('datasetRecord of real data has no notice; of sample data, 示例数据，非真实统计', () => {
    expect(record.notice).toBeNull();
    expect(datasetRecord(sampleMeta, { paths, pagePath: '/', site: 'https://example.org', rowCount: 0 }).notice).toBe('示例数据，非真实统计');
  });

  test('rowRecord writes a missing value as null with its reason, marker and label', () => {
    expect(rowRecord(meta, rows[1] as DownloadRow)).toEqual({
      sourceLine: 3,
      values: { county: '七里河区, 西片', population: 561020, minorityShare: null },
      missing: { minorityShare: { reason: 'not-available', marker: 'NA', label: '数据不详（原表 NA）' } },
    });
  });

  test('rowRecord of a complete row has no missing field', () => {
    expect(rowRecord(meta, rows[0] as DownloadRow)).toEqual({ sourceLine: 2, values: { county: '城关区', population: 1278745, minorityShare: 5.22 } });
  });

  test('toDatasetJson parses back to the record with summary, caveats and one entry per row', () => {
    const citation = { gbt7714: 'g', plain: 'p' };
    const parsed = JSON.parse(toDatasetJson(record, { summary: meta.summary, caveats: meta.caveats, citation }, rows.map((row) => rowRecord(meta, row))));
    expect(parsed.id).toBe('test-population');
    expect(parsed.caveats).toEqual(['比重保留两位小数。']);
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[2].missing.population.reason).toBe('source-error');
  });

  test('toDatasetJson with no rows is valid JSON with an empty rows array', () => {
    expect(JSON.parse(toDatasetJson(record, { summary: '', caveats: [], citation: { gbt7714: '', plain: '' } }, [])).rows).toEqual([]);
  });
});

describe('README and licence', () => {
  const readme = (input = meta) =>
    toReadme(input, { siteName: '兰州民族工作数据站', page: 'https://example.org/data/test-population/', original: 'https://example.org/o.csv', files: [{ name: 'a.csv', about: '数据' }], dictionary: [['county', '区县', '文本', '', '县级单位名称']], rowCount: 3, citation: { gbt7714: 'GB', plain: 'PLAIN' } });

  test('toReadme states the caveats, the source, the licence and both citations', () => {
    const text = readme();
    expect(text).toContain('## 需要了解的事项\n\n- 比重保留两位小数。');
    expect(text).toContain('中国统计出版社《中国人口普查分县资料—2020》，2022');
    expect(text).toContain('许可：测试许可');
    expect(text).toContain('GB');
    expect(text).toContain('PLAIN');
  });

  test('toReadme explains each column with its published header', () => {
    expect(readme()).toContain('- county（原表列名：区县）：县级单位名称。类型：文本');
  });

  test('toReadme of sample data starts with 示例数据，非真实统计', () => {
    expect(readme(sampleMeta).split('\n').slice(0, 3).join('\n')).toContain('示例数据，非真实统计');
  });

  test('licenceText of sample data carries the notice', () => {
    expect(licenceText(sampleMeta)).toContain('【示例数据，非真实统计】');
  });
});

describe('zip', () => {
  test('zipTimestamp("2026-11-27") is noon of that day in local time', () => {
    const date = zipTimestamp('2026-11-27');
    expect([date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours()]).toEqual([2026, 11, 27, 12]);
  });

  test('toZip of the same entries twice gives byte-identical zips', () => {
    const entries = [{ name: '说明.txt', data: '你好' }, { name: 'a.csv', data: 'a\r\n1\r\n' }];
    expect(Buffer.from(toZip(entries, '2026-11-27')).equals(Buffer.from(toZip(entries, '2026-11-27')))).toBe(true);
  });

  test('toZip keeps names (Chinese included) and contents', () => {
    const files = unzipSync(toZip([{ name: '目录/使用说明.txt', data: '内容' }], '2026-11-27'));
    expect(Object.keys(files)).toEqual(['目录/使用说明.txt']);
    expect(strFromU8(files['目录/使用说明.txt'] ?? new Uint8Array())).toBe('内容');
  });

  test('toZip rejects a name given twice', () => {
    expect(() => toZip([{ name: 'a', data: '1' }, { name: 'a', data: '2' }], '2026-11-27')).toThrow(/twice/);
  });
});

describe('datasetDownloads', () => {
  test('datasetDownloads(input) twice gives byte-identical zips', () => {
    const first = datasetDownloads(bundleInput).zip;
    const second = datasetDownloads(bundleInput).zip;
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  test('the zip holds the cleaned CSV, column dictionary, 使用说明, licence and citation in a versioned folder', () => {
    const files = unzipSync(datasetDownloads(bundleInput).zip);
    expect(Object.keys(files)).toEqual([
      'test-population-v2/test-population.csv',
      'test-population-v2/test-population-columns.csv',
      'test-population-v2/使用说明.txt',
      'test-population-v2/许可与署名.txt',
      'test-population-v2/引用.txt',
    ]);
  });

  test('the zip of sample data has -sample names and the notice in its README', () => {
    const sample = datasetDownloads({ ...bundleInput, meta: sampleMeta, paths: downloadPaths(sampleMeta, sampleMeta) });
    const files = unzipSync(sample.zip);
    expect(Object.keys(files)[0]).toBe('test-population-sample-v2/test-population-sample.csv');
    expect(strFromU8(files['test-population-sample-v2/使用说明.txt'] ?? new Uint8Array())).toContain('示例数据，非真实统计');
  });

  test('the JSON of sample data carries the notice', () => {
    const sample = datasetDownloads({ ...bundleInput, meta: sampleMeta, paths: downloadPaths(sampleMeta, sampleMeta) });
    expect(JSON.parse(sample.json).notice).toBe('示例数据，非真实统计');
  });
});
