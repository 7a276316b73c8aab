import type { DatasetMeta } from '../../schemas/dataset.ts';
import { t } from '../../i18n/ui.ts';

/** What a citation is made from: the dataset's metadata, the site's name and the page's address. */
export type CitationMeta = Pick<DatasetMeta, 'title' | 'publisher' | 'source' | 'status' | 'version' | 'updated'>;

export interface CitationContext {
  /** The site that publishes the dataset: 兰州民族工作数据站. */
  siteName: string;
  /** Absolute URL of the dataset page. */
  url: string;
}

/** What a figure's source note names: the dataset (its page), its publisher and the date of the source. */
export type ShortCitationMeta = Pick<DatasetMeta, 'id' | 'title' | 'publisher' | 'source'>;

/** The short form under every figure: publisher and date (国家统计局，2022). */
export function shortCitation(meta: Pick<DatasetMeta, 'publisher' | 'source'>): string {
  return t('download.citation.short', { publisher: meta.publisher, date: meta.source.date });
}

/** The original publication: publisher, title and date (国家统计局《中国人口普查分县资料—2020》（2022）). */
export function publicationCitation(source: DatasetMeta['source']): string {
  return t('download.citation.publication', { publisher: source.publisher, title: source.title, date: source.date });
}

/** The title as cited: with the sample notice for sample data, so it cannot be quoted as real. */
function citedTitle(meta: Pick<CitationMeta, 'title' | 'status'>): string {
  return meta.status === 'sample' ? t('download.sampleTitle', { title: meta.title, sample: t('data.sample') }) : meta.title;
}

/**
 * GB/T 7714—2015 (电子资源, 数据集 [DS/OL]):
 * 主要责任者. 题名[DS/OL]. 版本项. 出版者, 出版年(更新或修改日期)[引用日期]. 获取和访问路径.
 * The responsible party is the dataset's publisher, the site is the online publisher, the
 * year is that of the last update; [引用日期] is left for the reader, who alone knows it.
 */
export function gbt7714Citation(meta: CitationMeta, context: CitationContext): string {
  return t('download.citation.gbt7714', {
    publisher: meta.publisher,
    title: citedTitle(meta),
    version: meta.version,
    site: context.siteName,
    year: meta.updated.slice(0, 4),
    updated: meta.updated,
    url: context.url,
  });
}

/** A citation in plain Chinese prose, naming the original publication first. */
export function plainCitation(meta: CitationMeta, context: CitationContext): string {
  return t('download.citation.plain', {
    publication: publicationCitation(meta.source),
    site: context.siteName,
    title: citedTitle(meta),
    version: meta.version,
    updated: meta.updated,
    url: context.url,
  });
}
