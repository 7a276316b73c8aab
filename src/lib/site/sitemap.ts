import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { absoluteUrl } from './url.ts';

/** URL paths of the built HTML pages under `siteDir` (`/data/x/` for data/x/index.html), without 404 and noindex pages. */
export function sitemapPaths(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/<meta name="robots" content="[^"]*noindex/.test(readFileSync(file, 'utf8')))
    .map((file) => `/${relative(siteDir, file).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .filter((path) => path !== '/404.html')
    .sort();
}

/** A sitemap.xml document listing site paths `paths` on the deployment at `site`, under the base path. */
export function sitemapXml(paths: readonly string[], site: string, base?: string): string {
  const urls = paths.map((path) => `<url><loc>${absoluteUrl(encodeURI(path), site, base).replace(/&/g, '&amp;')}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/** Writes `<siteDir>/sitemap.xml` of every built page; returns how many it lists. */
export function writeSitemap(siteDir: string, site: string): number {
  const paths = sitemapPaths(siteDir);
  writeFileSync(join(siteDir, 'sitemap.xml'), sitemapXml(paths, site));
  return paths.length;
}
