import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { t } from '../../i18n/ui.ts';
import { CHART } from '../../charts/constants.ts';
import { fromFile, type ChartSourceRow } from '../../charts/select.ts';
import { chartState, type ChartState } from '../../charts/state.ts';
import { publicationCitation } from '../download/citation.ts';
import type { DatasetEntryData } from '../../schemas/dataset.ts';
import { datasetMeta, datasetRows } from './rows.ts';

export interface ChartBundle {
  spec: CollectionEntry<'charts'>['data'];
  dataset: CollectionEntry<'datasets'>['data'];
  /** Other datasets the chart joins (`join:`), in order. */
  joined: DatasetEntryData[];
  /** The wide layout: tablets, desktops, downloads. */
  state: ChartState;
  /** The same chart laid out for phones. */
  narrowState: ChartState;
  /** The same chart laid out for phones in large text (适老模式): narrower, so that it shows larger. */
  largeTextState: ChartState;
  /** Version key of pinned URLs: the chart's version and its dataset's, e.g. v1.1. */
  version: string;
  /** One-line citation of the figures: every publication the chart draws on. */
  source: string;
}

/**
 * Pinned URLs carry the chart's version and its dataset's (then those of the datasets its
 * series join, if any), so that neither a new chart definition nor new data can change
 * what a published URL shows: any one gets a new URL.
 */
export function versionKey(chartVersion: number, ...datasetVersions: number[]): string {
  return `v${[chartVersion, ...datasetVersions].join('.')}`;
}

export function chartPaths(id: string, version: string) {
  return {
    latest: `/charts/${id}/`,
    pinned: `/charts/${id}/${version}/`,
    embedLatest: `/embed/${id}/`,
    embed: `/embed/${id}/${version}/`,
    svg: `/charts/${id}/${version}/${id}.svg`,
    png: `/charts/${id}/${version}/${id}.png`,
    csv: `/charts/${id}/${version}/${id}.csv`,
    oembed: `/oembed/${id}.json`,
  };
}

export async function loadChart(id: string): Promise<ChartBundle> {
  const entry = await getEntry('charts', id);
  if (!entry) throw new Error(`no chart ${id}`);
  const datasetEntry = await getEntry('datasets', entry.data.dataset);
  if (!datasetEntry) throw new Error(`chart ${id}: no dataset ${entry.data.dataset}`);
  const spec = entry.data;
  const dataset = datasetEntry.data;
  const joined: DatasetEntryData[] = await Promise.all(spec.join.map((join: { dataset: string }) => datasetMeta(join.dataset)));
  const rows = new Map<string, readonly ChartSourceRow[]>([[dataset.id, await datasetRows(dataset.id)]]);
  for (const other of joined) rows.set(other.id, fromFile(await datasetRows(other.id), other.file));
  const publications = [...new Set([dataset, ...joined].map((meta) => publicationCitation(meta.source)))];
  return {
    spec,
    dataset,
    joined,
    state: chartState(spec, rows),
    narrowState: chartState(spec, rows, CHART.narrowWidth),
    largeTextState: chartState(spec, rows, CHART.largeTextWidth),
    version: versionKey(spec.version, dataset.version, ...joined.map((meta) => meta.version)),
    source: t('chart.source', { publication: publications.join('；'), site: t('site.name') }),
  };
}

export async function allCharts(): Promise<ChartBundle[]> {
  const entries = await getCollection('charts');
  return Promise.all(entries.map((entry) => loadChart(entry.id)));
}

/**
 * A default iframe height for a frame width, before the resizer sets the exact one: the
 * SVG scales with the width (narrow layout below 576 px), the text around it does not.
 */
export function embedHeight(bundle: Pick<ChartBundle, 'state' | 'narrowState'>, frameWidth: number): number {
  const state = frameWidth < 576 ? bundle.narrowState : bundle.state;
  const svgWidth = Math.min(frameWidth - 24, 640);
  const textLines = frameWidth < 576 ? 300 : 190;
  return Math.round((state.height * svgWidth) / state.width + textLines);
}
