import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { WORK_REPORT } from '../../src/lib/policy/library.ts';
import { newsSchema } from '../../src/schemas/news.ts';
import { unityMaterialSchema } from '../../src/schemas/unity.ts';

const report = readFileSync(join('data', WORK_REPORT.file), 'utf8');
const figureIds = new Set(
  readFileSync(join('data', WORK_REPORT.dataset, 'lanzhou-work-report-2017-figures.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0])
    .filter(Boolean),
);

function split(path: string): { data: unknown; body: string } {
  const text = readFileSync(path, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match?.[1] || match[2] === undefined) throw new Error(`${path}: no frontmatter`);
  return { data: parseYaml(match[1]), body: match[2] };
}

/** Markdown text as readers see it: links reduced to their text, entities decoded. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+ /gm, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

const NEWS = 'src/content/news/2017-03-22-lanzhou-work-report.mdx';

describe('the work report article', () => {
  const { data, body } = split(NEWS);

  test('its frontmatter matches newsSchema', () => {
    expect(newsSchema.safeParse(data).success).toBe(true);
  });

  test('its paragraphs are the report\'s lines, verbatim and in order, without the page chrome', () => {
    const reportLines = report
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('今天是') && !line.startsWith('发布日期') && !line.startsWith('Produced By') && line !== WORK_REPORT.title);
    const articleLines = plain(body)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    expect(articleLines).toEqual(reportLines);
  });

  test('every figure link points to a row id of the figures dataset', () => {
    const links = [...body.matchAll(/\]\(\/data\/lanzhou-work-report-2017\/#figure-([a-z0-9-]+)\)/g)].map((match) => match[1]);
    expect(links.length).toBe(figureIds.size);
    for (const id of links) expect(figureIds.has(id ?? '')).toBe(true);
  });
});

describe('民族团结进步 materials', () => {
  const files = readdirSync('src/content/unity').filter((file) => file.endsWith('.md'));

  test.each(files)('%s matches unityMaterialSchema and is labelled as written by the site', (file) => {
    const { data } = split(join('src/content/unity', file));
    const parsed = unityMaterialSchema.safeParse(data);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.writtenBy).toBe('本站');
  });

  test.each(files)('%s: every quotation (> …) is a verbatim sentence of the work report', (file) => {
    const { body } = split(join('src/content/unity', file));
    const quotes = body.split('\n').filter((line) => line.startsWith('> ')).map((line) => line.slice(2).trim());
    for (const quote of quotes) expect(report).toContain(quote);
  });

  test.each(files)('%s: every number in the text is inside a quotation, a heading number, a list number, the report date, or a sentence that links its report', (file) => {
    const { data, body } = split(join('src/content/unity', file));
    const references = new Set(unityMaterialSchema.parse(data).references.map((reference) => reference.url));
    const linksItsReport = (line: string) => [...line.matchAll(/\]\((https?:[^)]+)\)/g)].some((match) => references.has(match[1] ?? ''));
    const prose = body
      .split('\n')
      .filter((line) => !line.startsWith('> ') && !linksItsReport(line))
      .map((line) => line.replace(/^\d+\. /, '').replace(/\[[^\]]*\]\([^)]*\)/g, ''))
      .join('\n');
    const numbers = [...prose.matchAll(/\d+/g)].map((match) => match[0]);
    expect(numbers.filter((number) => !['2017', '3', '22', '2010', '2020'].includes(number))).toEqual([]);
  });
});

/** The stored excerpts the materials' news facts come from (on the machine that fetched them; skipped elsewhere). */
const EXCERPTS = '/work/shared/data/lanzhou/news-excerpts';

describe.runIf(existsSync(EXCERPTS))('materials written from news reports, against the stored excerpts', () => {
  const files = readdirSync('src/content/unity').filter((file) => file.endsWith('.md'));
  const excerpts = readdirSync(EXCERPTS)
    .filter((file) => file.endsWith('.txt') && !file.startsWith('defzone_'))
    .flatMap((file) => readFileSync(join(EXCERPTS, file), 'utf8').split(/^=== .* ===$/m));
  const excerptOf = (url: string) => excerpts.find((block) => block.includes(`URL: ${url}`));

  test.each(files)('%s: each report it cites is a stored excerpt (not the Wikipedia mirror), and each number of a sentence citing it is in that excerpt', (file) => {
    const { data, body } = split(join('src/content/unity', file));
    for (const reference of unityMaterialSchema.parse(data).references) expect(excerptOf(reference.url), reference.url).toBeDefined();
    for (const line of body.split('\n')) {
      const cited = [...line.matchAll(/\]\((https?:[^)]+)\)/g)].map((match) => excerptOf(match[1] ?? '') ?? '');
      if (cited.length === 0) continue;
      const numbers = [...line.replace(/\[[^\]]*\]\([^)]*\)/g, '').matchAll(/\d+/g)].map((match) => match[0]);
      for (const number of numbers) expect(cited.some((excerpt) => excerpt.includes(number)), `${number} in: ${line}`).toBe(true);
    }
  });
});
