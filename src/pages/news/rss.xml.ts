import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { t } from '../../i18n/ui.ts';
import { rssXml } from '../../lib/news/rss.ts';
import { absoluteUrl } from '../../lib/site/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const articles = await getCollection('news');
  const absolute = (path: string) => absoluteUrl(path, site);
  const xml = rssXml({
    title: `${t('news.title')} | ${t('site.name')}`,
    link: absolute('/news/'),
    self: absolute('/news/rss.xml'),
    description: t('news.lead'),
    items: articles.map((article) => ({
      title: article.data.title,
      link: absolute(`/news/${article.id}/`),
      date: article.data.date,
      description: article.data.description,
      category: article.data.category,
    })),
  });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
