import type { PolicyUnit } from '../../schemas/policy.ts';
import { policyProblem, type PolicyProblem } from './problems.ts';

/**
 * Numbering checks. A text is published as collected, so a break in its numbering is a warning
 * for the editor to look at, never a refusal:
 *
 * - articles run 1, 2, 3 … through the whole text (an annex starts its own run); 第X条之一
 *   follows 第X条 and is not counted;
 * - 编, 分编, 章, 节, numbered headings and numbered items of one kind run 1, 2, 3 … among
 *   siblings; the first may also continue the previous run of its kind (chapters numbered
 *   through a code's parts, 1. … 114. through a text's headings).
 */

function walk(units: readonly PolicyUnit[], visit: (unit: PolicyUnit, siblings: readonly PolicyUnit[], annex: PolicyUnit | undefined) => void, annex?: PolicyUnit): void {
  for (const unit of units) {
    visit(unit, units, annex);
    walk(unit.children, visit, unit.kind === 'annex' ? unit : annex);
  }
}

/** `第十五条`, `（三）`: how a number is named in messages, from a unit of the same kind. */
function named(unit: PolicyUnit): string {
  return unit.label ?? String(unit.number);
}

/** Which run a unit's number belongs to: its kind, and for items and headings the form of its label. */
function runKey(unit: PolicyUnit): string | undefined {
  if (unit.number === undefined || unit.kind === 'article' || unit.kind === 'annex') return undefined;
  // 一、 and （一） are different runs even at the same level; so are 1. and 1、.
  return `${unit.kind}:${unit.level ?? ''}:${(unit.label ?? '').replace(/[零〇一二三四五六七八九十百千\d]+/g, 'N')}`;
}

export function numberingProblems(units: readonly PolicyUnit[], lineOf: WeakMap<PolicyUnit, number>, source: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const at = (unit: PolicyUnit) => lineOf.get(unit) ?? 0;

  const lastArticle = new Map<PolicyUnit | undefined, PolicyUnit>();
  const lastOfRun = new Map<string, PolicyUnit>();
  const previousSibling = new Map<string, PolicyUnit>();
  const siblingIds = new WeakMap<readonly PolicyUnit[], number>();
  let nextSiblingId = 0;

  walk(units, (unit, siblings, annex) => {
    if (unit.label && unit.number === undefined && unit.kind !== 'annex' && unit.kind !== 'heading') {
      problems.push(policyProblem('bad-numeral', source, at(unit), `the number in ${unit.label} cannot be read`, { found: unit.label }));
      return;
    }
    if (unit.kind === 'article') {
      if (unit.number === undefined || /之/.test(unit.label ?? '')) return;
      const previous = lastArticle.get(annex);
      lastArticle.set(annex, unit);
      const expected = (previous?.number ?? 0) + 1;
      if (unit.number === expected) return;
      const message = previous ? `${named(unit)} follows ${named(previous)}` : `the first article is ${named(unit)}`;
      problems.push(policyProblem('article-numbering', source, at(unit), message, { expected: `article ${expected}`, found: named(unit) }));
      return;
    }
    const key = runKey(unit);
    if (key === undefined || unit.number === undefined) return;
    if (!siblingIds.has(siblings)) siblingIds.set(siblings, nextSiblingId++);
    const scope = `${siblingIds.get(siblings)}|${key}`;
    const previous = previousSibling.get(scope);
    const lastRun = lastOfRun.get(key);
    previousSibling.set(scope, unit);
    lastOfRun.set(key, unit);
    const allowed = [...new Set(previous ? [(previous.number ?? 0) + 1] : [1, (lastRun?.number ?? 0) + 1])];
    if (allowed.includes(unit.number)) return;
    const kind = unit.kind === 'item' ? 'item-numbering' : 'heading-numbering';
    const message = previous ? `${named(unit)} follows ${named(previous)}` : `${named(unit)} is the first of its kind here`;
    problems.push(policyProblem(kind, source, at(unit), message, { expected: allowed.map(String).join(' or '), found: named(unit) }));
  });
  return problems;
}
