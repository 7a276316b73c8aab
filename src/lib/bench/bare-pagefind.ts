import { readdirSync } from 'node:fs';
import * as pagefind from 'pagefind';

/**
 * The baseline's search index: Pagefind with its defaults over a built folder (the bare Astro
 * project's dist/), as a site that only runs `pagefind --site dist` gets. The site's own index
 * (src/lib/search/index-site.ts) also cuts Chinese into the browser's words first.
 */
export async function barePagefind(siteDir: string): Promise<{ seconds: number; pages: number; files: number }> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    const files = readdirSync(written.outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    return { seconds: (performance.now() - started) / 1000, pages: added.page_count, files };
  } finally {
    await pagefind.close();
  }
}
