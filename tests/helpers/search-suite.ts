import type { Browser, Page, Request } from 'playwright-core';

/**
 * The search query suite: real queries and the page that must be among the first three
 * results, run through the site's own search page (/search/, <site-search>) in chromium.
 * tests/browser/search.test.ts runs it on dist/, tests/browser/search-scale.test.ts on a
 * build with the policy corpus added, and `npm run bench:policies` on the whole corpus.
 * A Pagefind release that segments Chinese differently (CloudCannon/pagefind#1237) or
 * ranks differently fails it.
 *
 * A query matches words from their start (src/lib/search/segment.ts): 面拉面 finds 牛肉面拉面师
 * (牛肉|面|拉面|师), but 肉面, which starts inside the word 牛肉, finds nothing. Until the index
 * agreed with the browser on words it matched by accident of the indexer's own segmentation.
 */
export interface SuiteQuery {
  query: string;
  /** What the query tests. */
  kind: string;
  /** Site path of the page that must be among the first three results. */
  page: string;
  /** With `alternatives`, any of these pages (and `page`) may be the one in the top three. */
  alternatives?: readonly string[];
}

export const QUERY_SUITE: readonly SuiteQuery[] = [
  { query: '清真食品', kind: 'four characters, a title word', page: '/policies/shanghai-qingzhen-shipin-guanli-tiaoli/' },
  { query: '民族乡', kind: 'three characters', page: '/policies/minzuxiang-xingzheng-gongzuo-tiaoli/' },
  { query: '牛肉面', kind: 'three characters', page: '/news/2017-03-22-lanzhou-work-report/' },
  { query: '清真', kind: 'two characters', page: '/policies/shanghai-qingzhen-shipin-guanli-tiaoli/' },
  { query: '宪法', kind: 'two characters', page: '/policies/xianfa/' },
  { query: '教育', kind: 'two characters', page: '/policies/jiaoyu-fa/' },
  { query: '华林山', kind: 'a place name', page: '/unity/model-communities/' },
  { query: '排洪沟', kind: 'a place name', page: '/unity/model-communities/' },
  { query: '面拉面', kind: 'substring across words of 牛肉面拉面师', page: '/news/2017-03-22-lanzhou-work-report/' },
  { query: '乡行政', kind: 'substring across 民族乡/行政', page: '/policies/minzuxiang-xingzheng-gongzuo-tiaoli/' },
  { query: '价格补贴', kind: 'substring of a policy title', page: '/policies/lanzhou-qingzhen-niuyangrou-jiage-butie-banfa/' },
  { query: '拉面师', kind: 'substring of 牛肉面拉面师培训班', page: '/unity/model-communities/' },
  { query: '城市民族工作', kind: 'the start of a short title', page: '/policies/chengshi-minzu-gongzuo-tiaoli/' },
  { query: '民族区域自治', kind: 'a title inside 中华人民共和国…法', page: '/policies/minzu-quyu-zizhi-fa/' },
  { query: '散居少数民族', kind: 'a title word shared by two regulations', page: '/policies/guangdong-sanju-shaoshu-minzu-quanyi-baozhang-tiaoli/', alternatives: ['/policies/chongqing-sanju-shaoshu-minzu-quanyi-baozhang-tiaoli/'] },
  { query: '宗教事务', kind: 'the national title among six provincial ones', page: '/policies/zongjiao-shiwu-tiaoli/' },
];

/** Bytes a query may fetch after the search has initialised, and the first query with initialisation. */
export const BYTE_BUDGET = { query: 150 * 1024, firstQuery: 300 * 1024 } as const;

export interface SuiteResult extends SuiteQuery {
  /** Result paths in order, the first page of results (five). */
  paths: string[];
  /** 1-based rank of the expected page (or an alternative) among `paths`; undefined if absent. */
  rank: number | undefined;
  /** Results found in all. */
  results: number;
  /** Bytes fetched from /pagefind/ on opening the search page, before any query (script, wasm, entry, filters). */
  initBytes: number;
  /** Bytes fetched from /pagefind/ for the query and its first page of results. */
  queryBytes: number;
  /** From pressing Enter to the results and count on screen. */
  milliseconds: number;
}

/** Site path of a result link, decoded (`/policies/xianfa/`). */
export function resultPaths(hrefs: readonly string[]): string[] {
  return hrefs.map((href) => decodeURI(new URL(href, 'http://x').pathname));
}

export function rankOf(query: SuiteQuery, paths: readonly string[]): number | undefined {
  const wanted = new Set([query.page, ...(query.alternatives ?? [])]);
  const index = paths.findIndex((path) => wanted.has(path));
  return index < 0 ? undefined : index + 1;
}

/** Counts the encoded bytes of responses under /pagefind/ while `during` runs, and waits for them all. */
async function pagefindBytes(tab: Page, during: () => Promise<void>): Promise<number> {
  const sizes: Promise<number>[] = [];
  const onFinished = (request: Request) => {
    if (new URL(request.url()).pathname.includes('/pagefind/')) sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize));
  };
  tab.on('requestfinished', onFinished);
  try {
    await during();
    // Result fragments are requested as the list renders; let the last ones finish.
    await tab.waitForLoadState('networkidle');
  } finally {
    tab.off('requestfinished', onFinished);
  }
  return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

/**
 * Runs one query as a reader does, in a fresh browser context (empty cache): opens `/search/`
 * at `origin` (+ `base`), waits for the search to initialise, types the query and presses Enter.
 */
export async function runQuery(browser: Browser, origin: string, query: SuiteQuery, base = '/'): Promise<SuiteResult> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  try {
    const tab = await context.newPage();
    const initBytes = await pagefindBytes(tab, async () => {
      await tab.goto(`${origin}${base}search/`);
      await tab.waitForSelector('site-search[data-ready="true"]');
    });
    let milliseconds = 0;
    const queryBytes = await pagefindBytes(tab, async () => {
      const started = performance.now();
      await tab.fill('#search-input', query.query);
      await tab.press('#search-input', 'Enter');
      await tab.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q && document.querySelector('.site-search__status')?.textContent !== '', query.query);
      milliseconds = performance.now() - started;
    });
    const hrefs = await tab.locator('.site-search__result h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href') ?? ''));
    const paths = resultPaths(hrefs).map((path) => (base !== '/' && path.startsWith(base) ? path.slice(base.length - 1) : path));
    const status = (await tab.locator('.site-search__status').textContent()) ?? '';
    const results = Number(/\d+/.exec(status)?.[0] ?? 0);
    return { ...query, paths, rank: rankOf(query, paths), results, initBytes, queryBytes, milliseconds };
  } finally {
    await context.close();
  }
}

/** The whole suite, one query after another (each in its own context). */
export async function runQuerySuite(browser: Browser, origin: string, queries: readonly SuiteQuery[] = QUERY_SUITE): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [];
  for (const query of queries) results.push(await runQuery(browser, origin, query));
  return results;
}

/** A result within the suite's rules: the page in the top three, both byte budgets kept (unless `bytes` is false). */
export function suiteProblems(result: SuiteResult, { bytes = true }: { bytes?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (result.rank === undefined || result.rank > 3) problems.push(`${result.query}: ${result.page} is not in the top three (${result.paths.slice(0, 3).join(', ') || 'no results'})`);
  if (!bytes) return problems;
  if (result.queryBytes > BYTE_BUDGET.query) problems.push(`${result.query}: ${kb(result.queryBytes)} fetched for the query, over ${kb(BYTE_BUDGET.query)}`);
  if (result.initBytes + result.queryBytes > BYTE_BUDGET.firstQuery) problems.push(`${result.query}: ${kb(result.initBytes + result.queryBytes)} fetched for a first query with initialisation, over ${kb(BYTE_BUDGET.firstQuery)}`);
  return problems;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The suite's results as a Markdown table: rank, results, bytes, time. */
export function suiteTable(results: readonly SuiteResult[]): string[] {
  return [
    '| query | expected page | rank | results | init | query | first query with init | time |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((result) =>
      [
        result.query,
        `\`${result.page}\``,
        result.rank === undefined ? 'absent' : String(result.rank),
        String(result.results),
        kb(result.initBytes),
        kb(result.queryBytes),
        kb(result.initBytes + result.queryBytes),
        `${result.milliseconds.toFixed(0)} ms`,
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ];
}
