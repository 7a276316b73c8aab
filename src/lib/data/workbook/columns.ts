import type { ColumnMeta } from '../../../schemas/dataset.ts';
import type { WorkbookSpec } from '../../../schemas/workbook.ts';

/**
 * The tidy columns of a workbook dataset, derived from its declaration: what a row is
 * (a place, or a group), what a column of the wide table was (a group, or a category), then
 * the measures. The site shows, downloads and charts these like a CSV's declared columns.
 */
export function workbookColumns(spec: WorkbookSpec): ColumnMeta[] {
  const column = (source: string, key: string, type: ColumnMeta['type'], meaning: string, extra: Partial<ColumnMeta> = {}): ColumnMeta => ({
    source,
    key,
    type,
    meaning,
    allowScaleSuffix: false,
    required: false,
    ...extra,
  });
  const group = [
    column('民族代码', 'groupCode', 'text', 'GB/T 3304—1991 民族代码（01 汉族 … 56 基诺族）；97 其他未识别的民族、98 外国人加入中国籍为本站所设；total 为合计', { required: true }),
    column('民族', 'group', 'text', '民族（GB/T 3304 名称）；合计行为原表的合计名称', { required: true }),
  ];
  const residence = spec.parts.length > 0 ? [column('城乡', 'residence', 'text', `合计，或分册：${spec.parts.map((part) => part.label).join('、')}`, { required: true })] : [];
  const rows =
    spec.rows === 'places'
      ? [
          column('区划代码', 'adcode', 'adcode', '区划代码，本站按 2010 年分县资料的地名匹配；全国和无代码的行为空'),
          column('地区', 'place', 'text', '地区名，照录原表（去掉排版用的空格）', { required: true }),
        ]
      : group;
  const series =
    spec.series.kind === 'groups'
      ? group
      : [
          column('类别代码', 'category', 'text', `本站为原表各栏所设的代码：${spec.series.categories.map((category) => `${category.key} ${category.meaning}`).join('，')}；total 为合计`, { required: true }),
          column('类别', 'categoryLabel', 'text', '原表栏名（去掉空格）', { required: true }),
        ];
  const measures = spec.measures.map((measure) =>
    column(measure.labels.filter((label) => label !== '').join('/'), measure.key, measure.type, measure.meaning, measure.unit === undefined ? {} : { unit: measure.unit }),
  );
  return [...residence, ...rows, ...series, ...measures];
}
