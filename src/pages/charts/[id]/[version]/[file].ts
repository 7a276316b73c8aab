import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsv } from '../../../../charts/csv.ts';
import { renderSvg } from '../../../../charts/render.ts';
import { t } from '../../../../i18n/ui.ts';
import { pngRenderer, svgToPng } from '../../../../lib/charts/png.ts';
import { cachedBytes } from '../../../../lib/site/build-cache.ts';
import { allCharts, type ChartBundle } from '../../../../lib/site/charts.ts';

/** Downloads of each chart version: standalone SVG, PNG rasterised from it, and the chart's data as CSV. */
export const getStaticPaths = (async () =>
  (await allCharts()).flatMap((bundle) =>
    (['svg', 'png', 'csv'] as const).map((kind) => ({ params: { id: bundle.spec.id, version: bundle.version, file: `${bundle.spec.id}.${kind}` }, props: { bundle, kind } })),
  )) satisfies GetStaticPaths;

function standaloneSvg(bundle: ChartBundle): string {
  const sample = bundle.dataset.status === 'sample' ? t('download.sampleMark', { sample: t('data.sample') }) : '';
  return renderSvg(bundle.state, { idPrefix: bundle.spec.id, standalone: { source: `${sample}${bundle.source}` } });
}

export const GET: APIRoute = ({ props }) => {
  const { bundle, kind } = props as { bundle: ChartBundle; kind: 'svg' | 'png' | 'csv' };
  if (kind === 'csv') return new Response(chartCsv(bundle.state), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
  const svg = standaloneSvg(bundle);
  if (kind === 'svg') return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
  // Rasterising loads the fonts each time (about half a second); an unchanged chart's PNG comes from the build cache.
  const png = cachedBytes('chart-png', [svg, pngRenderer()], () => svgToPng(svg));
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
