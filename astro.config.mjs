// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { normaliseBasePath, SITE_URL } from './src/lib/site/url.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { basePathPlugin } from './src/lib/site/markdown-base-path.ts';

const base = normaliseBasePath(process.env.BASE_PATH);
import { paletteCss } from './src/charts/palette.ts';

const PALETTE_CSS = 'virtual:chart-palette.css';

/**
 * The layouts import the chart palette's CSS custom properties from this virtual module,
 * built from src/charts/palette.ts: CSS cannot import TypeScript, and a module generated on
 * every build (and in dev) cannot fall out of date as a written file could. A stylesheet
 * cannot import it: Vite reads the files CSS imports straight from disk.
 */
function chartPalette() {
  return {
    name: 'chart-palette',
    /** @param {string} id */
    resolveId: (id) => (id === PALETTE_CSS ? `\0${PALETTE_CSS}` : undefined),
    /** @param {string} id */
    load: (id) => (id === `\0${PALETTE_CSS}` ? paletteCss() : undefined),
  };
}

/**
 * Astro 7.3 marks each MDX entry with a "use astro:head-inject" directive that Rolldown warns it
 * may not keep (withastro/astro#18087, open as of 7.3.5). The warning says nothing of this site's
 * code: drop that one, pass on every other.
 * @param {import('rolldown').RolldownLog} warning
 * @param {(warning: import('rolldown').RolldownLog) => void} warn
 */
function quietHeadInject(warning, warn) {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
  warn(warning);
}

/**
 * The site is Chinese first. Routes are laid out for Astro's i18n so that an English
 * edition (/en/…) can follow without moving a page; until it exists, only zh-CN is built.
 */
export default defineConfig({
  // The deployment's own address, for absolute links (feeds, oEmbed); set SITE_URL when deploying.
  site: SITE_URL,
  // The path the site is served under (BASE_PATH=/mzw/sjz/ inside a portal); src/lib/site/url.ts adds it to every link.
  base,
  trailingSlash: 'always',
  // Stylesheets and scripts stay external files, so a Content Security Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Astro inlines small processed <script>s below this limit; 0 keeps every script an external file too.
  vite: { build: { assetsInlineLimit: 0, rolldownOptions: { onwarn: quietHeadInject } }, plugins: [chartPalette()] },
  i18n: {
    locales: ['zh-CN'],
    defaultLocale: 'zh-CN',
    routing: { prefixDefaultLocale: false },
  },
  // Root-relative links written in Markdown and MDX content get the base path too.
  markdown: { processor: satteri({ mdastPlugins: [basePathPlugin(base)] }) },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // scripts/build.ts gives a build from another data folder its own cache, so builds never share one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
});
