import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The baseline of the build benchmark: a bare Astro project that renders the same policy
 * Markdown files as the site, one plain HTML page per file (title and paragraphs), through a
 * content collection with Astro's glob loader. Nothing else: no layout, no styles, no
 * integrations, so its build time is what Astro itself costs per page.
 */
export interface BareAstroProject {
  /** Folder to write the project into (a temp folder). */
  dir: string;
  /** The installed node_modules to link to (the site's own, so that both use the same Astro). */
  nodeModules: string;
  /** Absolute folder of the Markdown files. */
  contentDir: string;
  /** Glob of the files to render, relative to contentDir. */
  pattern: string;
}

export function writeBareAstroProject({ dir, nodeModules, contentDir, pattern }: BareAstroProject): void {
  mkdirSync(join(dir, 'src/pages/policies'), { recursive: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-bare-astro', private: true, type: 'module' }, null, 2)}\n`);
  // Both caches stay inside the project: Astro's defaults are under node_modules/, which is the site's.
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';

export default defineConfig({
  cacheDir: './.astro-cache',
  vite: { cacheDir: './.vite-cache' },
  devToolbar: { enabled: false },
});
`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  policies: defineCollection({ loader: glob({ pattern: ${JSON.stringify(pattern)}, base: ${JSON.stringify(contentDir)} }) }),
};
`,
  );
  writeFileSync(
    join(dir, 'src/pages/policies/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const entries = await getCollection('policies');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content, headings } = await render(entry);
---

<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>{headings[0]?.text ?? entry.id}</title>
  </head>
  <body>
    <main><Content /></main>
  </body>
</html>
`,
  );
  // An index, so that the project builds a page even with no policy files (N = 0), with a word for Pagefind to index.
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';

const entries = await getCollection('policies');
---

<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>bare</title>
  </head>
  <body>
    <h1>bare</h1>
    <ul>{entries.map((entry) => <li><a href={\`/policies/\${entry.id}/\`}>{entry.id}</a></li>)}</ul>
  </body>
</html>
`,
  );
}
