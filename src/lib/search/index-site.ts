import { readdirSync } from 'node:fs';
import * as pagefind from 'pagefind';

export interface IndexReport {
  pages: number;
  /** Files Pagefind wrote under `<siteDir>/pagefind/`. */
  files: number;
  seconds: number;
}

/**
 * Indexes the built HTML of `siteDir` with Pagefind and writes `pagefind/` into it. Pages
 * mark what is indexed (`data-pagefind-body`, `-ignore`, `-filter`, `-meta`); their
 * `lang="zh-CN"` makes Pagefind segment Chinese words (the extended binary does this).
 */
export async function buildSearchIndex(siteDir: string): Promise<IndexReport> {
  const started = performance.now();
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(created.errors.join('\n'));
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
    const written = await created.index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
    const files = readdirSync(written.outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
    return { pages: added.page_count, files, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    throw new Error(`Pagefind could not index ${siteDir}`, { cause: error });
  } finally {
    await pagefind.close();
  }
}
