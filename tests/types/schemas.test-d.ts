/**
 * Each shape is declared once, as a zod schema in src/schemas, and every other type is
 * inferred from it (issue 10). These type tests fail to compile if a second, hand-written
 * declaration drifts from the schema, the way Starlight's schema.test-d.ts pins its types.
 */
import type { CollectionEntry } from 'astro:content';
import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'astro/zod';
import type { DatasetResult, rowsOf } from '../../src/lib/data/dataset.ts';
import type * as siteRows from '../../src/lib/site/rows.ts';
import type { MapRow } from '../../src/maps/model.ts';
import type { ChartSpec } from '../../src/schemas/chart.ts';
import type { DatasetEntryData, DatasetMeta, RowAccount } from '../../src/schemas/dataset.ts';
import type { GeoLevel, PlaceLevel } from '../../src/schemas/geo.ts';
import type { BoundaryLayerName, MapSpec, Measure } from '../../src/schemas/map.ts';
import type { CountyCensusRow, datasetRowSchema, GenericRow, PopulationRow, RowOf, RowSchemaName, SourcedRow } from '../../src/schemas/rows.ts';

describe('geo levels', () => {
  test('GeoLevel is the five levels, and every schema that names a level uses it', () => {
    expectTypeOf<GeoLevel>().toEqualTypeOf<'nation' | 'province' | 'prefecture' | 'county' | 'none'>();
    expectTypeOf<DatasetMeta['geography']['levels']>().toEqualTypeOf<GeoLevel[]>();
    expectTypeOf<NonNullable<ChartSpec['rows']['level']>>().toEqualTypeOf<GeoLevel>();
    expectTypeOf<SourcedRow['geoLevel']>().toEqualTypeOf<GeoLevel>();
    expectTypeOf<MapSpec['level']>().toEqualTypeOf<PlaceLevel>();
    expectTypeOf<DatasetMeta['sums'][number]['of']['level']>().toEqualTypeOf<Exclude<PlaceLevel, 'province'>>();
  });
});

describe('charts of tidy tables', () => {
  test('a chart picks tidy rows by text, pivots by a column and joins datasets under a prefix', () => {
    expectTypeOf<NonNullable<ChartSpec['rows']['where']>>().toEqualTypeOf<Record<string, string | string[]>>();
    expectTypeOf<NonNullable<ChartSpec['pivot']>>().toEqualTypeOf<{ column: string; value: string }>();
    expectTypeOf<ChartSpec['join']>().toEqualTypeOf<{ dataset: string; as: string }[]>();
    expectTypeOf<NonNullable<ChartSpec['series'][number]['ratio']>>().toEqualTypeOf<[string | string[], string]>();
  });
});

describe('rows', () => {
  test('pages get SourcedRow, the type the data check returns and datasetRowSchema declares', () => {
    expectTypeOf<ReturnType<typeof rowsOf>>().toEqualTypeOf<SourcedRow[]>();
    expectTypeOf<Awaited<ReturnType<typeof siteRows.datasetRows>>>().toEqualTypeOf<SourcedRow[]>();
    expectTypeOf<SourcedRow>().toEqualTypeOf<z.infer<typeof datasetRowSchema>>();
    expectTypeOf<SourcedRow['values']>().toEqualTypeOf<GenericRow>();
  });

  test('RowOf infers each registered shape', () => {
    expectTypeOf<RowOf<'population'>>().toEqualTypeOf<PopulationRow>();
    expectTypeOf<RowOf<'county-census'>>().toEqualTypeOf<CountyCensusRow>();
    expectTypeOf<DatasetMeta['rowSchema']>().toEqualTypeOf<RowSchemaName>();
  });

  test('a map row is a dataset row: the same values, under the same name', () => {
    expectTypeOf<MapRow['values']>().toExtend<Readonly<Record<string, unknown>>>();
    expectTypeOf<MapRow['geoLevel']>().toEqualTypeOf<GeoLevel>();
  });
});

describe('datasets', () => {
  test('the row account is one schema, used by the check and the datasets collection', () => {
    expectTypeOf<DatasetResult['account']>().toEqualTypeOf<RowAccount>();
    expectTypeOf<CollectionEntry<'datasets'>['data']['account']>().toEqualTypeOf<RowAccount>();
    expectTypeOf<CollectionEntry<'datasets'>['data']>().toEqualTypeOf<DatasetEntryData>();
  });
});

describe('maps', () => {
  test('MapSpec is inferred from its schema, with a measure whose value reads a row', () => {
    expectTypeOf<MapSpec['layer']>().toEqualTypeOf<BoundaryLayerName>();
    expectTypeOf<MapSpec['measure']>().toEqualTypeOf<Measure>();
    expectTypeOf<Measure['value']>().parameters.toEqualTypeOf<[Readonly<Record<string, unknown>>, string]>();
  });
});
