import { t } from '../../i18n/ui.ts';
import type { DownloadMeta } from './columns.ts';
import { CSV_FORMULA_NOTE } from './csv.ts';
import { VALUE_CONVENTIONS } from './json.ts';

export interface ReadmeContext {
  siteName: string;
  /** Absolute URLs of the dataset page and of this version's downloads. */
  page: string;
  original: string;
  /** Names of the files in the zip, each with what it is. */
  files: readonly { name: string; about: string }[];
  /** The column dictionary rows: key, published header, type, unit, meaning. */
  dictionary: readonly (readonly string[])[];
  rowCount: number;
  citation: { gbt7714: string; plain: string };
}

const bullet = (text: string) => `- ${text}`;

/** The licence and the attribution it asks for, as a text file. */
export function licenceText(meta: Pick<DownloadMeta, 'title' | 'licence' | 'source' | 'status'>): string {
  const lines = [
    ...(meta.status === 'sample' ? [`【${t('data.sample')}】`, ''] : []),
    `许可与署名：${meta.title}`,
    '',
    `许可：${meta.licence.name}`,
    `署名：${meta.licence.attribution}`,
    '',
    `原始资料：${meta.source.publisher}《${meta.source.title}》，${meta.source.date}`,
    ...(meta.source.via ? [`数字化或转录：${meta.source.via}`] : []),
    ...(meta.source.url ? [`网址：${meta.source.url}`] : []),
    '',
    '使用本数据时请按上面的要求署名，并注明来源。',
  ];
  return `${lines.join('\n')}\n`;
}

/** Both citations, as a text file. */
export function citationText(meta: Pick<DownloadMeta, 'status'>, citation: ReadmeContext['citation']): string {
  const lines = [
    ...(meta.status === 'sample' ? [`【${t('data.sample')}】`, ''] : []),
    t('data.citation.gbt'),
    citation.gbt7714,
    '',
    t('data.citation.plain'),
    citation.plain,
    '',
    t('data.citation.note'),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * 使用说明: what the data is, what to know before using it, where it comes from, how the
 * files are laid out, what every column means, and how to cite it. Plain text (Markdown
 * headings) so it opens anywhere.
 */
export function toReadme(meta: DownloadMeta, context: ReadmeContext): string {
  const sample = meta.status === 'sample';
  const lines: string[] = [
    `# ${meta.title}${sample ? `（${t('data.sample')}）` : ''}`,
    '',
    ...(sample ? [`【${t('data.sample')}】本数据集是示例数据，只用于演示，不是真实的统计数字，不能引用。`, ''] : []),
    meta.summary,
    '',
    `英文名：${meta.titleEn}`,
    `版本：第 ${meta.version} 版（更新于 ${meta.updated}）`,
    `行数：${context.rowCount}`,
    `地域：${meta.geography.area}`,
    `时间：${meta.period}`,
    `网页：${context.page}`,
    '',
  ];
  if (meta.caveats.length > 0) lines.push(`## ${t('data.caveats')}`, '', ...meta.caveats.map(bullet), '');
  lines.push(
    '## 来源',
    '',
    bullet(`${t('data.publisher')}：${meta.publisher}`),
    bullet(`原始资料：${meta.source.publisher}《${meta.source.title}》，${meta.source.date}`),
    ...(meta.source.via ? [bullet(`数字化或转录：${meta.source.via}`)] : []),
    ...(meta.source.url ? [bullet(`网址：${meta.source.url}`)] : []),
    bullet(`原始发布文件（未作改动）：${context.original}`),
    ...(meta.basedOn ? [bullet(`本数据集是“${meta.basedOn}”的子集，读取同一个原始文件。`)] : []),
    '',
    `## ${t('data.licence')}`,
    '',
    bullet(`许可：${meta.licence.name}`),
    bullet(`署名：${meta.licence.attribution}`),
    '',
    '## 文件',
    '',
    ...context.files.map((file) => bullet(`${file.name}：${file.about}`)),
    '',
    '## 数值的写法',
    '',
    ...VALUE_CONVENTIONS.map(bullet),
    bullet('CSV 为 UTF-8 编码并带 BOM，Excel 可直接打开；第一行是字段名，中文列名见下面的字段说明。'),
    bullet(CSV_FORMULA_NOTE),
    '',
    `## ${t('data.columns')}`,
    '',
    ...context.dictionary.map(([key, source, type, unit, meaning]) => bullet(`${key}${source ? `（原表列名：${source}）` : ''}：${meaning}。类型：${type}${unit ? `；单位：${unit}` : ''}`)),
    '',
    `## ${t('data.citation')}`,
    '',
    `${t('data.citation.gbt')}：`,
    context.citation.gbt7714,
    '',
    `${t('data.citation.plain')}：`,
    context.citation.plain,
    '',
    t('data.citation.note'),
    '',
    `本文件由${context.siteName}在建站时生成。`,
  );
  return `${lines.join('\n')}\n`;
}
