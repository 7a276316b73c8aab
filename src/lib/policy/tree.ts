import type { PolicyForm, PolicyUnit } from '../../schemas/policy.ts';
import { AnchorRegistry, anchorFor, type AnchorInput } from './anchors.ts';
import { headingText, readLabel, type BodyLine, type LineLabel } from './lines.ts';
import { policyProblem, type PolicyProblem } from './problems.ts';

/**
 * Body lines → the unit tree. Every unit opens at a rank and closes the open units of the
 * same or a lower rank, so nesting follows the labels, not the number of `#`:
 *
 *   annex 0 · part 1 · subpart 2 · chapter 3 · section 4 · article 10 · item 11–14 (一、 （一） 1. （1）)
 *
 * A heading without a 编/章/节 label takes the rank of the labelled headings written with the
 * same number of `#` in that text (`### 附则` beside `### 第一章` is a chapter's sibling), else
 * one more than its `#`s (## 3, ### 4). A line that starts no unit is a paragraph of the unit
 * open above it, or of the intro before the first unit.
 *
 * The form decides what a numbered line is. In a text with articles, a line starting `一、` or
 * `（一）` is a list inside an article and stays a paragraph, a numbered `##` heading is a heading
 * above articles, and only an annex holds numbered items. In a text without articles, numbered
 * lines and headings are items.
 */

const RANK = { annex: 0, part: 1, subpart: 2, chapter: 3, section: 4, article: 10 } as const;
const ITEM_RANK = 10;
/**
 * A line this short, without sentence punctuation, right after a heading, continues it when
 * the heading has no title yet, is an annex's label, or breaks at a joining word
 * (`自治机关和监察委员会、` / `人民法院、人民检察院`); otherwise it may be a sub-heading of its own
 * (`业主`, `一般规定`) and stays a paragraph.
 */
const CONTINUATION_MAX = 30;
const SENTENCE = /[。，；：？！]/;
const BROKEN_END = /[、和及与的或并]$/;
const BROKEN_START = /^[、和及与的或并之在]/;

export interface Tree {
  form: PolicyForm;
  intro: string[];
  units: PolicyUnit[];
  /** Line of each unit's label in the file, for problems found later. */
  lineOf: WeakMap<PolicyUnit, number>;
}

interface Open {
  unit: PolicyUnit;
  rank: number;
}

function labelOf(line: BodyLine): LineLabel {
  return line.quoted ? { kind: 'text' } : readLabel(line.text, line.depth > 0);
}

/** Rank of a heading without a 编/章/节 label, by its number of `#`. */
function depthRanks(lines: readonly BodyLine[]): (depth: number) => number {
  const ranks = new Map<number, number>();
  for (const line of lines) {
    if (line.depth === 0) continue;
    const label = labelOf(line);
    if (label.kind !== 'structure') continue;
    ranks.set(line.depth, Math.min(ranks.get(line.depth) ?? Infinity, RANK[label.unit]));
  }
  return (depth) => ranks.get(depth) ?? 1 + depth;
}

/**
 * Lines of a table of contents inside the text: a 编/章/节 heading followed straight by another
 * such heading, whose label comes again later (北京中轴线文化遗产保护条例 lists its chapters first).
 */
function contentsLines(lines: readonly BodyLine[], labels: readonly LineLabel[]): number[] {
  const key = (label: LineLabel | undefined) => (label?.kind === 'structure' ? label.label : undefined);
  return lines.flatMap((_line, index) => {
    const own = key(labels[index]);
    if (own === undefined || key(labels[index + 1]) === undefined) return [];
    return labels.some((label, later) => later > index + 1 && key(label) === own) ? [index] : [];
  });
}

export function buildTree(lines: readonly BodyLine[], options: { declaredHeadings: ReadonlySet<string>; source: string; problems: PolicyProblem[] }): Tree {
  const { declaredHeadings, source, problems } = options;
  const labels = lines.map(labelOf);
  const form: PolicyForm = labels.some((label) => label.kind === 'article') ? 'articles' : labels.some((label) => label.kind === 'item') ? 'numbered' : 'unnumbered';
  const rankOfDepth = depthRanks(lines);
  const anchors = new AnchorRegistry();
  const lineOf = new WeakMap<PolicyUnit, number>();
  const intro: string[] = [];
  const units: PolicyUnit[] = [];
  const stack: Open[] = [];
  let tableUntil = -1;
  const contents = contentsLines(lines, labels);
  if (contents.length > 0) {
    const first = lines[contents[0] ?? 0];
    problems.push(policyProblem('contents-list', source, first?.line ?? 0, `${contents.length} empty headings repeated later: the text's own table of contents, kept as text`));
  }

  const open = (input: AnchorInput & Omit<PolicyUnit, 'id' | 'children' | 'kind'>, rank: number, line: number) => {
    while ((stack.at(-1)?.rank ?? -1) >= rank) stack.pop();
    const wanted = anchorFor(input, stack.map((entry) => entry.unit));
    const { id, repeated } = anchors.claim(wanted);
    if (repeated) problems.push(policyProblem('duplicate-anchor', source, line, `the anchor #${wanted} is already used on this page; this unit gets #${id}`));
    const { numeral: _numeral, ...fields } = input;
    const unit: PolicyUnit = { ...fields, id, children: [] };
    (stack.at(-1)?.unit.children ?? units).push(unit);
    stack.push({ unit, rank });
    lineOf.set(unit, line);
  };

  const paragraph = (index: number) => {
    const line = lines[index];
    if (!line) return;
    const text = line.depth > 0 ? `${'#'.repeat(line.depth)} ${line.text}` : line.text;
    if (text.startsWith('|') && index > tableUntil) {
      problems.push(policyProblem('table', source, line.line, 'a Markdown table; it is shown as lines of text'));
      tableUntil = lines.findIndex((next, at) => at > index && !next.text.startsWith('|'));
      if (tableUntil < 0) tableUntil = lines.length;
    }
    (stack.at(-1)?.unit.paragraphs ?? intro).push(text);
  };

  /** A heading's title, with the next line joined when it is the heading's broken-off end. */
  const headingTitle = (index: number, title: string, annex = false): { title: string; skip: number } => {
    const next = lines[index + 1];
    const after = lines[index + 2];
    const nextLabel = labels[index + 1];
    const afterLabel = labels[index + 2];
    const continues =
      next !== undefined &&
      next.depth === 0 &&
      nextLabel?.kind === 'text' &&
      !declaredHeadings.has(next.text) &&
      next.text.length <= CONTINUATION_MAX &&
      !SENTENCE.test(next.text) &&
      (title === '' || annex || BROKEN_END.test(title) || BROKEN_START.test(next.text)) &&
      (after === undefined || after.depth > 0 || (afterLabel !== undefined && afterLabel.kind !== 'text'));
    if (!continues) return { title, skip: 0 };
    problems.push(policyProblem('joined-heading', source, next.line, 'a heading continued on this line; the two are read as one heading', { found: next.text }));
    return { title: `${title}${headingText(next.text)}`, skip: 1 };
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const label = labels[index];
    if (!line || !label) continue;
    if (contents.includes(index)) {
      paragraph(index);
      continue;
    }
    const isHeading = line.depth > 0;
    const top = stack.at(-1)?.unit;
    const itemsHere = form === 'numbered' || (stack.some((entry) => entry.unit.kind === 'annex') && top?.kind !== 'article');

    if (!line.quoted && !isHeading && declaredHeadings.has(line.text)) {
      open({ kind: 'heading', title: headingText(line.text), paragraphs: [], unmarked: true }, RANK.chapter, line.line);
      continue;
    }
    switch (label.kind) {
      case 'article':
        open({ kind: 'article', label: label.label, ...(label.number === undefined ? {} : { number: label.number }), paragraphs: label.rest ? [label.rest] : [] }, RANK.article, line.line);
        continue;
      case 'structure':
      case 'annex': {
        const joined = headingTitle(index, label.title, label.kind === 'annex');
        const number = label.kind === 'structure' && label.number !== undefined ? { number: label.number } : {};
        const kind = label.kind === 'structure' ? label.unit : 'annex';
        open({ kind, label: label.label, ...number, ...(joined.title ? { title: joined.title } : {}), paragraphs: [] }, RANK[kind], line.line);
        index += joined.skip;
        continue;
      }
      case 'item': {
        const number = label.number === undefined ? {} : { number: label.number };
        if (itemsHere) {
          const text = isHeading ? { title: headingText(label.rest) || undefined, paragraphs: [] } : { paragraphs: label.rest ? [label.rest] : [] };
          const title = text.title ? { title: text.title } : {};
          open({ kind: 'item', label: label.label, numeral: label.numeral, ...number, level: label.level, ...title, paragraphs: text.paragraphs }, ITEM_RANK + label.level, line.line);
        } else if (isHeading) {
          const joined = headingTitle(index, headingText(label.rest));
          open({ kind: 'heading', label: label.label, numeral: label.numeral, ...number, ...(joined.title ? { title: joined.title } : {}), paragraphs: [] }, rankOfDepth(line.depth), line.line);
          index += joined.skip;
        } else {
          paragraph(index);
        }
        continue;
      }
      case 'numbered-heading': {
        const joined = headingTitle(index, label.title);
        const number = label.number === undefined ? {} : { number: label.number };
        open({ kind: 'heading', label: label.label, numeral: label.label, ...number, ...(joined.title ? { title: joined.title } : {}), paragraphs: [] }, isHeading ? rankOfDepth(line.depth) : RANK.chapter, line.line);
        index += joined.skip;
        continue;
      }
      case 'plain-heading':
        open({ kind: 'heading', title: label.title, paragraphs: [] }, isHeading ? rankOfDepth(line.depth) : RANK.chapter, line.line);
        continue;
      case 'text': {
        if (!isHeading || line.quoted) {
          paragraph(index);
          continue;
        }
        const joined = headingTitle(index, headingText(line.text));
        if (joined.title === '') continue;
        open({ kind: 'heading', title: joined.title, paragraphs: [] }, rankOfDepth(line.depth), line.line);
        index += joined.skip;
      }
    }
  }
  return { form, intro, units, lineOf };
}
