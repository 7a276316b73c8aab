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
/** 【示例数据，非真实统计】, the first line of every text file of a sample dataset. */
const sampleMark = () => t('download.sampleMark', { sample: t('data.sample') });

/** The licence and the attribution it asks for, as a text file. */
export function licenceText(meta: Pick<DownloadMeta, 'title' | 'licence' | 'source' | 'status'>): string {
  const lines = [
    ...(meta.status === 'sample' ? [sampleMark(), ''] : []),
    t('download.licence.title', { title: meta.title }),
    '',
    t('download.licence.licence', { name: meta.licence.name }),
    t('download.licence.attribution', { attribution: meta.licence.attribution }),
    '',
    t('download.source.original', { publisher: meta.source.publisher, title: meta.source.title, date: meta.source.date }),
    ...(meta.source.via ? [t('download.source.via', { via: meta.source.via })] : []),
    ...(meta.source.url ? [t('download.source.url', { url: meta.source.url })] : []),
    '',
    t('download.licence.ask'),
  ];
  return `${lines.join('\n')}\n`;
}

/** Both citations, as a text file. */
export function citationText(meta: Pick<DownloadMeta, 'status'>, citation: ReadmeContext['citation']): string {
  const lines = [
    ...(meta.status === 'sample' ? [sampleMark(), ''] : []),
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
    `# ${sample ? t('download.sampleTitle', { title: meta.title, sample: t('data.sample') }) : meta.title}`,
    '',
    ...(sample ? [`${sampleMark()}${t('download.readme.sample')}`, ''] : []),
    meta.summary,
    '',
    t('download.readme.titleEn', { title: meta.titleEn }),
    t('download.readme.version', { version: meta.version, updated: meta.updated }),
    t('download.readme.rows', { rows: context.rowCount }),
    t('download.readme.geography', { area: meta.geography.area }),
    t('download.readme.period', { period: meta.period }),
    t('download.readme.page', { url: context.page }),
    '',
  ];
  if (meta.caveats.length > 0) lines.push(`## ${t('data.caveats')}`, '', ...meta.caveats.map(bullet), '');
  lines.push(
    `## ${t('data.source')}`,
    '',
    bullet(`${t('data.publisher')}：${meta.publisher}`),
    bullet(t('download.source.original', { publisher: meta.source.publisher, title: meta.source.title, date: meta.source.date })),
    ...(meta.source.via ? [bullet(t('download.source.via', { via: meta.source.via }))] : []),
    ...(meta.source.url ? [bullet(t('download.source.url', { url: meta.source.url }))] : []),
    bullet(t('download.readme.original', { url: context.original })),
    ...(meta.basedOn ? [bullet(t('data.view', { base: meta.basedOn }))] : []),
    '',
    `## ${t('data.licence')}`,
    '',
    bullet(t('download.licence.licence', { name: meta.licence.name })),
    bullet(t('download.licence.attribution', { attribution: meta.licence.attribution })),
    '',
    `## ${t('download.readme.files')}`,
    '',
    ...context.files.map((file) => bullet(`${file.name}：${file.about}`)),
    '',
    `## ${t('download.readme.values')}`,
    '',
    ...VALUE_CONVENTIONS.map(bullet),
    bullet(t('download.readme.csv')),
    bullet(CSV_FORMULA_NOTE),
    '',
    `## ${t('data.columns')}`,
    '',
    ...context.dictionary.map(([key = '', source, type = '', unit, meaning = '']) =>
      bullet(
        t('download.readme.column', {
          key,
          source: source ? t('download.readme.columnSource', { source }) : '',
          meaning,
          type,
          unit: unit ? t('download.readme.columnUnit', { unit }) : '',
        }),
      ),
    ),
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
    t('download.readme.generated', { site: context.siteName }),
  );
  return `${lines.join('\n')}\n`;
}
