import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { locateCorpus, surveyPolicies } from '../../src/lib/policy/corpus.ts';
import { parsePolicy } from '../../src/lib/policy/parse.ts';
import { allUnits } from '../../src/lib/policy/units.ts';
import { parsedPolicySchema, policyAnchorSchema, type ParsedPolicy } from '../../src/schemas/policy.ts';

/**
 * The parser on a slice of the 1,738 collected texts in ../shared/corpus/laws-1738.tar.xz
 * (extracted to the temporary folder on first use, never into the project). The slice holds
 * every text of the corpus that is not in the article form, every text the parser warns about,
 * and every 25th of the rest, with a few chosen for their structure: 303 texts. `npm run policy:survey` runs all 1,738.
 */
const corpus = locateCorpus();

const numbers = (list: string) => list.split(/\s+/).filter(Boolean).map((number) => `${number}.md`);
/** Numbered (一、 …) and unnumbered texts: decisions, resolutions, judicial documents, cases. */
const OTHER_FORMS = numbers(`
  00015 00253 00255 00257 00467 01065 01067 01069 01071 01205 01851 01853 01913 01915 01917 01919 01921 01923
  01925 01929 01939 01941 01947 01949 02003 02005 02007 02009 02011 02041 02051 02059 02061 02063 02065 02077
  02081 02151 02261 02271 02281 02283 02429 02431 02433 02435 02437 02439 02441 02443 02445 02447 02449 02451
  02455 02457 02459 02461 02463 02467 02469 02471 02473 02475 02477 02479 02763 02865 02867 02945 02947 02949
  02951 02953 02965 02969 03013`);
/** Texts with warnings: gaps, missing first chapters, wrapped headings and dated lines, annexes, tables. */
const IRREGULAR = numbers(`
  00237 00261 00425 00431 00463 00471 00473 00487 00499 00501 00503 00515 00523 00551 00559 00585 00587 00595
  00601 00605 00607 00611 00617 00671 00675 00681 00683 00699 00701 00713 00747 00755 00775 00797 00799 00811
  00813 00847 00863 00865 00873 00877 00885 00943 00977 00989 00995 01001 01003 01005 01007 01015 01017 01019
  01029 01031 01033 01035 01039 01051 01057 01099 01105 01121 01139 01151 01159 01183 01185 01193 01195 01197
  01211 01221 01225 01253 01265 01291 01297 01301 01303 01325 01327 01345 01359 01381 01385 01387 01395 01419
  01457 01479 01491 01595 01601 01609 01627 01629 01637 01663 01673 01699 01705 01709 01717 01729 01733 01735
  01797 01835 01837 01869 02199 02327 02337 02367 02369 02371 02405 02425 02453 02465 02481 02483 02485 02487
  02497 02599 02601 02621 02673 02675 02745 02847 02881 02979 03001 03017 03067 03085 03095 03107 03157 03175
  03239 03255 03259 03273 03275 03291 03307 03371 03379 03425 03437 03439 03449`);
/** Every 25th text, and texts with `###` chapters, `####` sections, 编 and numbered headings above articles. */
const ORDINARY = numbers(`
  00005 00055 00105 00155 00205 00305 00355 00405 00455 00505 00555 00655 00705 00805 00855 00905 00955 01055
  01155 01255 01305 01355 01405 01455 01505 01555 01605 01655 01755 01805 01855 01905 01955 02055 02105 02155
  02205 02255 02305 02355 02505 02555 02605 02655 02705 02755 02805 02855 02905 02955 03005 03055 03105 03155
  03205 03305 03355 03405 03455 00017 00047 00111 00227 01021 00283 02341 03441 02107 02111`);
const SLICE = [...new Set([...OTHER_FORMS, ...IRREGULAR, ...ORDINARY])].sort();

function parseCorpusFile(dir: string, file: string): ParsedPolicy {
  const { policy } = parsePolicy(readFileSync(join(dir, file), 'utf8'), { source: file });
  if (!policy) throw new Error(`${file} was refused`);
  return policy;
}

if (!corpus) {
  test.skip('the corpus is absent (no ../shared/corpus/laws-1738.tar.xz beside the project): the corpus tests are skipped', () => {});
}

describe.skipIf(!corpus)('parsePolicy on a slice of the 1,738-text corpus', () => {
  const dir = corpus ?? '';
  const survey = corpus ? surveyPolicies(dir, SLICE) : undefined;

  test('the slice holds 303 texts, in all three forms, and none is refused', () => {
    expect(SLICE).toHaveLength(303);
    expect(survey?.refused).toEqual([]);
    expect(survey?.forms).toEqual({ articles: 226, numbered: 40, unnumbered: 37 });
  });

  test('problems are warnings of the known kinds only', () => {
    expect(survey?.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(Object.keys(survey?.byKind ?? {}).sort()).toEqual(
      ['article-numbering', 'contents-list', 'duplicate-anchor', 'empty-body', 'front-matter-line', 'heading-numbering', 'item-numbering', 'joined-heading', 'table', 'unclosed-quote'].sort(),
    );
  });

  test('every text matches parsedPolicySchema and its anchors are unique valid fragments', () => {
    for (const file of SLICE) {
      const policy = parseCorpusFile(dir, file);
      expect(parsedPolicySchema.safeParse(policy).success, file).toBe(true);
      const ids = allUnits(policy).map((unit) => unit.id);
      expect(new Set(ids).size, file).toBe(ids.length);
      expect(ids.every((id) => policyAnchorSchema.safeParse(id).success), file).toBe(true);
    }
  });

  test.each([
    ['02965.md', 'numbered', ['一', '一-一', '一-三', '二-三', '四']],
    ['02281.md', 'numbered', ['一', '一-1', '一-10', '二-11', '七-114']],
    ['01915.md', 'numbered', ['一', '九']],
    ['02441.md', 'unnumbered', ['基本案情', '裁判要旨', '适用解析']],
    ['02341.md', 'articles', ['一', '第一条', '二十三', '第五百五十二条']],
    ['03437.md', 'articles', ['第一编', '第一编第一章', '第二编第一章第一节', '第一条', '第三百零八条', '附则']],
    ['02425.md', 'articles', ['序言', '第一章', '第四章第一节', '第一百六十条', '附件一', '附件一-一', '附件二', '附件三']],
    ['02601.md', 'articles', ['第一章', '第二十八条', '附表一', '附表二', '附表二-一']],
    ['00017.md', 'articles', ['第一章', '第三章第一节', '第一条']],
    ['00237.md', 'articles', ['第一章', '第一条', '第五章']],
  ] as const)('%s is read in the %s form with the anchors %j', (file, form, anchors) => {
    const policy = parseCorpusFile(dir, file);
    expect(policy.form).toBe(form);
    expect(allUnits(policy).map((unit) => unit.id)).toEqual(expect.arrayContaining([...anchors]));
  });

  test('00237.md: the chapter list at the top of the text is text, so #第一章 holds 第一条', () => {
    const policy = parseCorpusFile(dir, '00237.md');
    expect(policy.units.find((unit) => unit.id === '第一章')?.children[0]?.id).toBe('第一条');
  });

  test('01915.md: the new wording of 刑法 articles, quoted over several paragraphs, starts no article', () => {
    expect(allUnits(parseCorpusFile(dir, '01915.md')).every((unit) => unit.kind === 'item')).toBe(true);
  });
});
