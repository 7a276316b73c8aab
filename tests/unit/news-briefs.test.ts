import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sharedRoot } from '../../src/lib/policy/corpus.ts';
import { newsSchema, type NewsMeta } from '../../src/schemas/news.ts';

const NEWS_DIR = 'src/content/news';

function article(file: string): { id: string; data: NewsMeta; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(join(NEWS_DIR, file), 'utf8'));
  if (!match?.[1] || match[2] === undefined) throw new Error(`${file}: no frontmatter`);
  return { id: file.replace(/\.mdx$/, ''), data: newsSchema.parse(parseYaml(match[1])), body: match[2] };
}

const briefs = readdirSync(NEWS_DIR)
  .filter((file) => file.endsWith('.mdx'))
  .map(article)
  .filter((news) => news.data.category === '简讯');

/**
 * The excerpt each brief is written from: ../shared/data/lanzhou/news-excerpts/<file>, section
 * `=== n ===` (verbatim beginnings of the reports; never shipped, so absent in a clone).
 */
const EXCERPTS: Record<string, { file: string; section: number }> = {
  '2021-12-14-linxia-ninth-batch-model-units': { file: 'lanzhou_unity_progress_news_EXCERPTS.txt', section: 2 },
  '2022-04-05-lanzhou-ninth-batch-model-city': { file: 'lanzhou_unity_progress_news_EXCERPTS.txt', section: 4 },
  '2024-01-26-gansu-eleventh-batch-model-units': { file: 'lanzhou_unity_progress_news_EXCERPTS.txt', section: 1 },
  '2020-09-08-honggu-district-ethnic-unity': { file: 'lanzhou_unity_progress_news_EXCERPTS.txt', section: 5 },
};
const shared = sharedRoot();

function excerpt(id: string): string {
  const where = EXCERPTS[id];
  if (!where || !shared) throw new Error(`no excerpt for ${id}`);
  const text = readFileSync(join(shared, 'data', 'lanzhou', 'news-excerpts', where.file), 'utf8');
  return text.split(/^=== \d+ ===.*$/m)[where.section] ?? '';
}

/** The longest run of `text` (spaces removed, 《titles》 left out) that the excerpt holds word for word. */
function longestCopiedRun(text: string, source: string): string {
  const prose = text.replace(/《[^》]*》/g, '|').replace(/\s/g, '');
  const original = source.replace(/\s/g, '');
  let longest = '';
  for (let start = 0; start < prose.length; start++) {
    for (let end = start + longest.length + 1; end <= prose.length && original.includes(prose.slice(start, end)); end++) longest = prose.slice(start, end);
  }
  return longest;
}

describe('news briefs (简讯)', () => {
  test('the four dated events of the news excerpts are briefs: the 9th batch (Lanzhou, Linxia), the 11th batch (Gansu, 西固区, 彩虹城社区), 红古区', () => {
    expect(briefs.map((brief) => brief.id).sort()).toEqual(Object.keys(EXCERPTS).sort());
  });

  test.each(briefs.map((brief) => [brief.id, brief] as const))('%s says it is the site\'s brief, gives the date as printed and links the report or says why not', (_id, brief) => {
    expect(brief.data.description.startsWith('本站简讯：')).toBe(true);
    expect(brief.data.editorialNote).toContain('本站根据这篇报道编写的简讯');
    expect(Boolean(brief.data.source.url) !== Boolean(brief.data.source.noLink)).toBe(true);
    expect(brief.data.source.printedDate !== undefined || brief.data.editorialNote.includes('没有印出日期')).toBe(true);
  });

  test.each(briefs.map((brief) => [brief.id, brief] as const))('%s is two or three sentences', (_id, brief) => {
    expect((brief.body.match(/。/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect((brief.body.match(/。/g) ?? []).length).toBeLessThanOrEqual(3);
  });

  test('newsSchema refuses a brief that neither links its report nor says why', () => {
    const [brief] = briefs;
    if (!brief) throw new Error('no brief');
    const { url: _url, noLink: _noLink, ...source } = brief.data.source;
    const result = newsSchema.safeParse({ ...brief.data, source });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['source', 'url']);
  });
});

describe.skipIf(!shared || !existsSync(join(shared, 'data', 'lanzhou', 'news-excerpts')))('news briefs against the excerpts they are written from', () => {
  test.each(briefs.map((brief) => [brief.id, brief] as const))('%s: every number it states is in the report, and no run of more than 20 characters is copied', (id, brief) => {
    const source = excerpt(id);
    const numbers = `${brief.body} ${brief.data.description}`.match(/\d+(?:\.\d+)?/g) ?? [];
    for (const number of numbers) expect(source, number).toContain(number);
    expect(source).toContain(brief.data.source.url ?? brief.data.source.printedDate ?? '');
    expect(longestCopiedRun(brief.body, source).length).toBeLessThanOrEqual(20);
  });
});
