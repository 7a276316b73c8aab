import type { APIRoute, GetStaticPaths } from 'astro';
import { escapeXml } from '../../charts/render.ts';
import { t } from '../../i18n/ui.ts';
import { allCharts, chartPaths, embedHeight, type ChartBundle } from '../../lib/site/charts.ts';
import { absoluteUrl } from '../../lib/site/url.ts';

/** oEmbed (https://oembed.com) rich response per chart, so a CMS can embed by the chart's URL. */
export const getStaticPaths = (async () => (await allCharts()).map((bundle) => ({ params: { id: bundle.spec.id }, props: { bundle } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { bundle } = props as { bundle: ChartBundle };
  const paths = chartPaths(bundle.spec.id, bundle.version);
  const absolute = (path: string) => absoluteUrl(path, site);
  const width = 760;
  const height = embedHeight(bundle, width);
  const title = escapeXml(bundle.spec.title);
  const body = {
    version: '1.0',
    type: 'rich',
    title: bundle.spec.title,
    provider_name: t('site.name'),
    provider_url: absolute('/'),
    width,
    height,
    thumbnail_url: absolute(paths.png),
    thumbnail_width: 960,
    html: `<iframe src="${absolute(paths.embed)}" title="${title}" width="100%" height="${height}" style="border:0;width:100%;max-width:${width}px" loading="lazy" data-lzmz-embed></iframe><script async src="${absolute('/embed/resize.js')}"></script>`,
  };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json' } });
};
