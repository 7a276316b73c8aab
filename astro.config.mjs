// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

/**
 * The site is Chinese first. Routes are laid out for Astro's i18n so that an English
 * edition (/en/…) can follow without moving a page; until it exists, only zh-CN is built.
 */
export default defineConfig({
  // The deployment's own address, for absolute links (feeds, oEmbed); set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // Stylesheets and scripts stay external files, so a Content Security Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    locales: ['zh-CN'],
    defaultLocale: 'zh-CN',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
