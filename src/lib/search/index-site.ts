import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { indexableHtml } from './segment.ts';

export interface IndexReport {
  pages: number;
  /** Files Pagefind wrote under `<siteDir>/pagefind/`. */
  files: number;
  seconds: number;
}

/** Pages handed to Pagefind at once: it indexes one while the next are cut into words. */
const IN_FLIGHT = 16;

/** The built pages Pagefind should read: HTML files with `data-pagefind-body` (the others are not indexed). */
function searchablePages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Indexes the built HTML of `siteDir` with Pagefind and writes `pagefind/` into it. Pages
 * mark what is indexed (`data-pagefind-body`, `-ignore`, `-filter`, `-meta`); each is handed
 * to Pagefind as a copy cut into the browser's Chinese words (src/lib/search/segment.ts), so
 * that the index and the readers' queries agree on what a word is.
 */
export async function buildSearchIndex(siteDir: string): Promise<IndexReport> {
  const started = performance.now();
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(created.errors.join('\n'));
    const { index } = created;
    let pages = 0;
    const add = async (file: string) => {
      const html = readFileSync(file, 'utf8');
      if (!html.includes('data-pagefind-body')) return;
      const added = await index.addHTMLFile({ sourcePath: relative(siteDir, file).split(sep).join('/'), content: indexableHtml(html) });
      if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('\n')}`);
      pages++;
    };
    const files = searchablePages(siteDir);
    for (let start = 0; start < files.length; start += IN_FLIGHT) await Promise.all(files.slice(start, start + IN_FLIGHT).map(add));
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    const count = readdirSync(written.outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    return { pages, files: count, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    throw new Error(`Pagefind could not index ${siteDir}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
