import type { ParsedPolicy } from '../../schemas/policy.ts';
import { cleanLine, readFrontMatter } from './front-matter.ts';
import { markQuotes, type BodyLine } from './lines.ts';
import { numberingProblems } from './numbering.ts';
import { policyProblem, type PolicyProblem } from './problems.ts';
import { buildTree } from './tree.ts';

/**
 * A collected law, regulation or document in Markdown → the document model: title, dated
 * events, notes, form, intro and the unit tree (src/schemas/policy.ts). Pure: text in, model and
 * problems out; it never throws. The text itself is kept verbatim, paragraph by paragraph.
 *
 * The shape of a file (LawRefBook/Laws): `# title`, dated lines, `<!-- INFO END -->`, then the
 * body. Reading the head: src/lib/policy/front-matter.ts; a line's label: lines.ts; the tree:
 * tree.ts; anchors: anchors.ts; numbering warnings: numbering.ts.
 *
 * Only a truly broken file is refused (no `policy` in the result): empty, or without a title
 * (and, in `decodePolicyFile`, not UTF-8). Everything else is read, with warnings.
 */

export { eventKind, parseEventLine } from './front-matter.ts';

export interface ParseOptions {
  /** Lines that are headings the collected text does not mark (policies.yaml `unnumberedHeadings`). */
  unnumberedHeadings?: readonly string[];
  /** File name for problems. */
  source?: string;
}

export interface ParseResult {
  /** Undefined when the file is refused. */
  policy: ParsedPolicy | undefined;
  /** Errors (the reason for a refusal) and warnings, each with its line. */
  problems: PolicyProblem[];
}

const COMMENT = /^<!--.*-->$/;

/** Bytes → text, or the `not-utf8` error: a file in another encoding is refused, never guessed. */
export function decodePolicyFile(bytes: Uint8Array, source: string): { text: string } | { problem: PolicyProblem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const valid = new TextDecoder('utf-8').decode(bytes).split(/\r?\n/);
    const line = valid.findIndex((text) => text.includes('\ufffd')) + 1;
    return { problem: policyProblem('not-utf8', source, Math.max(line, 1), 'not UTF-8 text', { hint: 'save the file as UTF-8 (without changing its words)' }) };
  }
}

export function parsePolicy(markdown: string, options: ParseOptions = {}): ParseResult {
  const source = options.source ?? 'policy';
  const problems: PolicyProblem[] = [];
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const head = readFrontMatter(lines, source, problems);
  if (!head) return { policy: undefined, problems };

  const body: BodyLine[] = [];
  for (let index = head.bodyStart; index < lines.length; index++) {
    const text = cleanLine(lines[index] ?? '');
    if (text === '' || COMMENT.test(text)) continue;
    const heading = /^(#{1,6})(?!#)[\s\u3000]*(.*)$/.exec(text);
    body.push({ line: index + 1, text: heading ? (heading[2] ?? '').trim() : text, depth: heading?.[1]?.length ?? 0, quoted: false });
  }
  if (body.length === 0) problems.push(policyProblem('empty-body', source, head.bodyStart + 1, 'no text after the head', { hint: 'the text follows the "<!-- INFO END -->" line' }));
  for (const line of markQuotes(body)) {
    problems.push(policyProblem('unclosed-quote', source, line, 'a “ that is never closed; the lines after it are read as usual'));
  }

  const tree = buildTree(body, { declaredHeadings: new Set(options.unnumberedHeadings ?? []), source, problems });
  problems.push(...numberingProblems(tree.units, tree.lineOf, source));
  problems.sort((a, b) => a.line - b.line);
  return {
    policy: { title: head.title, events: head.events, notes: head.notes, form: tree.form, intro: tree.intro, units: tree.units },
    problems,
  };
}
