import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { workbookSpecSchema, workbookValueSchema, type NoneReported, type WorkbookSpec, type WorkbookValue } from '../../src/schemas/workbook.ts';
import type { Missing } from '../../src/schemas/cell.ts';

const minimal = { header: { seriesRows: [4] }, firstDataRow: 6, rows: 'places', series: { kind: 'groups' }, measures: [{ key: 'total', labels: ['合计'], meaning: '人口' }] };

describe('workbookSpecSchema', () => {
  test('workbookSpecSchema fills the defaults: label column A, integer measures, no checks, totals 合计/总计/全国', () => {
    const spec = workbookSpecSchema.parse(minimal);
    expect(spec).toMatchObject({ labelColumn: 'A', repeatedHeader: false, totalLabels: ['合计', '总计', '全国'], checks: { seriesSum: false, rowsSum: false, partsSum: false }, parts: [] });
    expect(spec.measures[0]?.type).toBe('integer');
    expect(spec.header.measureRows).toEqual([]);
  });

  test('workbookSpecSchema refuses an unknown field, as dataset.yaml does', () => {
    expect(workbookSpecSchema.safeParse({ ...minimal, sheets: ['Sheet1'] }).success).toBe(false);
  });

  test('workbookSpecSchema refuses categories missing from a categories series', () => {
    expect(workbookSpecSchema.safeParse({ ...minimal, series: { kind: 'categories' } }).success).toBe(false);
  });

  test('every shipped dataset.yaml with a workbook: block parses under workbookSpecSchema', () => {
    const folders = readdirSync('data').filter((id) => existsSync(`data/${id}/dataset.yaml`) && 'workbook' in (parseYaml(readFileSync(`data/${id}/dataset.yaml`, 'utf8')) as object));
    expect(folders.length).toBe(8);
    for (const id of folders) {
      const parsed = workbookSpecSchema.safeParse((parseYaml(readFileSync(`data/${id}/dataset.yaml`, 'utf8')) as { workbook: unknown }).workbook);
      expect(parsed.success ? [] : parsed.error.issues, id).toEqual([]);
    }
  });
});

describe('workbook values', () => {
  test('workbookValueSchema accepts none reported, a number and a CSV missing value', () => {
    for (const value of [{ missing: 'none-reported', marker: '' }, 12, { missing: 'not-applicable', marker: '—' }]) expect(workbookValueSchema.safeParse(value).success).toBe(true);
  });

  test('WorkbookValue is a number, a CSV missing value or none reported', () => {
    expectTypeOf<WorkbookValue>().toEqualTypeOf<number | Missing | NoneReported>();
    expectTypeOf<WorkbookSpec['rows']>().toEqualTypeOf<'places' | 'groups'>();
  });
});
