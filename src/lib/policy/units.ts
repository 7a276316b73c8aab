import type { ParsedPolicy, PolicyUnit } from '../../schemas/policy.ts';

/**
 * Reading the unit tree: walking it, naming a unit for headings and citations, the table of
 * contents, counts. Pure; pages and the loader call these, the parser builds the tree.
 */

type Tree = Pick<ParsedPolicy, 'units'>;

export interface PlacedUnit {
  unit: PolicyUnit;
  /** From the outermost unit to the parent. */
  ancestors: readonly PolicyUnit[];
}

/** Every unit in document order, each with its ancestors. */
export function placedUnits(tree: Tree): PlacedUnit[] {
  const placed: PlacedUnit[] = [];
  const visit = (units: readonly PolicyUnit[], ancestors: readonly PolicyUnit[]) => {
    for (const unit of units) {
      placed.push({ unit, ancestors });
      visit(unit.children, [...ancestors, unit]);
    }
  };
  visit(tree.units, []);
  return placed;
}

/** Every unit in document order. */
export function allUnits(tree: Tree): PolicyUnit[] {
  return placedUnits(tree).map((placed) => placed.unit);
}

/** Every article (条) in document order. */
export function allArticles(tree: Tree): PolicyUnit[] {
  return allUnits(tree).filter((unit) => unit.kind === 'article');
}

/** The unit with anchor `id`, if any. */
export function findUnit(tree: Tree, id: string): PolicyUnit | undefined {
  return allUnits(tree).find((unit) => unit.id === id);
}

const CONTAINERS: readonly PolicyUnit['kind'][] = ['part', 'subpart', 'chapter', 'section', 'annex', 'heading'];

/** A heading, a 编/章/节 or an annex: a unit that groups others. */
export function isContainer(unit: PolicyUnit): boolean {
  return CONTAINERS.includes(unit.kind);
}

/** The heading a unit shows: `第一章　总则`, `第九条`, `一、海事侵权纠纷案件`, `（三）`, `附件一　…`, `序言`. */
export function unitHeading(unit: PolicyUnit): string {
  switch (unit.kind) {
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
    case 'annex':
      return unit.title ? `${unit.label ?? ''}　${unit.title}` : (unit.label ?? '');
    default:
      return `${unit.label ?? ''}${unit.title ?? ''}`;
  }
}

/** A numbered label as cited: `一、` → 一, `2.` → 2, `（三）` stays. */
function bareLabel(label: string): string {
  return label.replace(/[、.．]$/, '');
}

/**
 * How a citation names the unit after the title: 第九条, 第三章第六节, 一（三）2, 附件一第二条,
 * 序言. Items are named by their chain of labels, after the annex or heading they stand under.
 */
export function citationName(unit: PolicyUnit, ancestors: readonly PolicyUnit[]): string {
  const annex = ancestors.find((ancestor) => ancestor.kind === 'annex');
  const inAnnex = annex ? (annex.label ?? '') : '';
  switch (unit.kind) {
    case 'article':
      return `${inAnnex}${unit.label ?? ''}`;
    case 'item': {
      const chain = [...ancestors.filter((ancestor) => ancestor.kind === 'item'), unit].map((item) => bareLabel(item.label ?? ''));
      const holder = ancestors.findLast((ancestor) => ancestor.kind !== 'item');
      const prefix = holder ? `${citationName(holder, ancestors.slice(0, ancestors.indexOf(holder)))} ` : '';
      return `${prefix}${chain.join('')}`;
    }
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
      return `${inAnnex}${[...ancestors.filter((ancestor) => ['part', 'chapter'].includes(ancestor.kind)), unit].map((part) => part.label ?? '').join('')}`;
    case 'annex':
      return unit.label ?? '';
    case 'heading':
      return `${inAnnex}${unitHeading(unit)}`;
  }
}

/** Whether a unit gets its own link and citation: articles, items, and any unit holding text of its own. */
export function isCitable(unit: PolicyUnit): boolean {
  return unit.kind === 'article' || unit.kind === 'item' || unit.paragraphs.length > 0;
}

/** Heading level of a unit: h2 at the top, one more per level of nesting, h6 at most. */
export function headingLevel(ancestors: readonly unknown[]): 2 | 3 | 4 | 5 | 6 {
  return Math.min(2 + ancestors.length, 6) as 2 | 3 | 4 | 5 | 6;
}

export interface TocEntry {
  id: string;
  text: string;
  children: TocEntry[];
}

const EXCERPT = 16;

function itemEntryText(unit: PolicyUnit): string {
  if (unit.title) return unitHeading(unit);
  const first = unit.paragraphs[0] ?? '';
  return `${unit.label ?? ''}${first.length > EXCERPT ? `${first.slice(0, EXCERPT)}…` : first}`;
}

/**
 * The table of contents. A text with headings, 编/章/节 or annexes lists them, nested, with the
 * outermost numbered items under them (articles are not listed: they are many and their chapters
 * say where they are). A text without any lists its articles or outermost items by label alone,
 * compactly, unless its items carry titles.
 */
export function tableOfContents(tree: Tree): { compact: boolean; entries: TocEntry[] } {
  const units = allUnits(tree);
  const hasContainers = units.some(isContainer);
  const titledItems = units.some((unit) => unit.kind === 'item' && unit.title);
  if (!hasContainers && !titledItems) {
    const leaves = tree.units.filter((unit) => unit.kind === 'article' || unit.kind === 'item');
    return { compact: true, entries: leaves.map((unit) => ({ id: unit.id, text: bareLabel(unit.label ?? unit.id), children: [] })) };
  }
  const build = (list: readonly PolicyUnit[]): TocEntry[] =>
    list.flatMap((unit): TocEntry[] => {
      if (isContainer(unit)) return [{ id: unit.id, text: unitHeading(unit), children: build(unit.children) }];
      if (unit.kind === 'item') return [{ id: unit.id, text: itemEntryText(unit), children: [] }];
      return [];
    });
  return { compact: false, entries: build(tree.units) };
}

/** Articles (条) in the text, and numbered items at the outermost item level. */
export function unitCounts(tree: Tree): { articleCount: number; itemCount: number } {
  const placed = placedUnits(tree);
  return {
    articleCount: placed.filter(({ unit }) => unit.kind === 'article').length,
    itemCount: placed.filter(({ unit, ancestors }) => unit.kind === 'item' && !ancestors.some((ancestor) => ancestor.kind === 'item')).length,
  };
}
