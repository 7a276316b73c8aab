import type { PolicyUnit, PolicyUnitKind } from '../../schemas/policy.ts';

/**
 * Anchor ids: the `#fragment` of every unit's URL, `/policies/<slug>/#<id>`. They come from the
 * text's own labels, so they stay the same as long as the text does, and they are unique on a page.
 *
 * - article 第X条: its label — `#第九条`, `#第十七条之一`
 * - part 编, subpart 分编, chapter 章, section 节: the label after its enclosing part or chapter —
 *   `#第一章`, `#第三章第六节`, `#第二编第一章`, `#第三编第一分编` (a chapter inside a 分编 keeps its part only)
 * - annex: its label — `#附件一`, `#附表二`, `#附` (for `附：`)
 * - numbered item: the numerals of its chain of items joined by `-` — `#一`, `#一-三` for （三）
 *   under 一、, `#一-三-2`, `#一-三-2-1`; under a heading, chapter or annex that unit's id comes
 *   first — `#附件一-一`, `#裁判要旨-1`
 * - numbered heading above articles (`## 一、管辖`): its numeral — `#一`
 * - any other heading: its words without spaces — `#序言`, `#附则`, `#基本案情`
 * - every unit inside an annex that is not already under it by the rules above: the annex's id
 *   first — `#附件一-第一条`
 * - an id already used on the page: `_2`, `_3` … after it (reported as a warning)
 *
 * Ids hold no white space and none of `#%"'<>`, so a link works raw or percent-encoded.
 */

/** What the anchor of a new unit depends on: its kind, label and words, and the units it opens inside. */
export interface AnchorInput {
  kind: PolicyUnitKind;
  label?: string | undefined;
  /** The numeral of an item or numbered heading as printed: 三 for （三）, 2 for 2. */
  numeral?: string | undefined;
  title?: string | undefined;
}

const FORBIDDEN = /[\s\u3000#%"'<>]/g;

/** The words of a heading as an id: spaces and `#%"'<>` removed. */
export function anchorText(text: string): string {
  return text.replace(FORBIDDEN, '');
}

function nearest(ancestors: readonly PolicyUnit[], kinds: readonly PolicyUnitKind[]): PolicyUnit | undefined {
  return ancestors.findLast((unit) => kinds.includes(unit.kind));
}

/** The id a unit would have, before uniqueness; `ancestors` from the outermost to its parent. */
export function anchorFor(unit: AnchorInput, ancestors: readonly PolicyUnit[]): string {
  const parent = ancestors.at(-1);
  const annex = nearest(ancestors, ['annex']);
  let id: string;
  let scoped = false;
  switch (unit.kind) {
    case 'part':
    case 'annex':
    case 'article':
      id = anchorText(unit.label ?? '');
      break;
    case 'subpart':
    case 'chapter':
    case 'section': {
      const outer = unit.kind === 'section' ? (nearest(ancestors, ['chapter']) ?? nearest(ancestors, ['subpart', 'part'])) : nearest(ancestors, ['part']);
      id = `${outer?.id ?? ''}${anchorText(unit.label ?? '')}`;
      scoped = outer !== undefined;
      break;
    }
    case 'item': {
      const own = anchorText(unit.numeral ?? unit.label ?? '');
      id = parent ? `${parent.id}-${own}` : own;
      scoped = parent !== undefined;
      break;
    }
    case 'heading':
      id = anchorText(unit.numeral ?? unit.title ?? unit.label ?? '') || '标题';
      break;
  }
  return annex && !scoped && unit.kind !== 'annex' ? `${annex.id}-${id}` : id;
}

/** Ids the policy page gives its own parts (src/layouts/BaseLayout.astro, src/pages/policies/[slug].astro). */
export const PAGE_IDS = ['main', 'history', 'toc', 'copy-status'] as const;

/** Hands out ids, each once: a repeat (or an id of the page itself) gets `_2`, `_3` …, and the caller is told. */
export class AnchorRegistry {
  readonly #used = new Set<string>(PAGE_IDS);

  /** The id to use for `wanted`, and whether it had to change. */
  claim(wanted: string): { id: string; repeated: boolean } {
    let id = wanted;
    for (let count = 2; this.#used.has(id); count++) id = `${wanted}_${count}`;
    this.#used.add(id);
    return { id, repeated: id !== wanted };
  }
}
