import type { PolicyEvent } from '../../schemas/policy.ts';
import { policyProblem, type PolicyProblem } from './problems.ts';

/**
 * The head of a collected text: `# title`, the dated lines of its history, `<!-- INFO END -->`.
 * Collected heads are not always tidy: a dated line wraps onto the next, a line names an
 * issuing body without a date, digits are full-width, a date stands alone, the marker is missing.
 */

export const INFO_END = '<!-- INFO END -->';

const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日|(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const OPENERS = /[《〈<（(「“]/g;
const CLOSERS = /[》〉>）)」”]/g;

/** `２００２` → `2002`: full-width digits, one character each, so positions are kept. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
}

/** What a dated line's words say happened. */
export function eventKind(text: string): PolicyEvent['kind'] {
  if (text.includes('修正')) return 'amended';
  if (text.includes('修订')) return 'revised';
  if (/公布|发布/.test(text)) return 'promulgated';
  if (text.includes('批准')) return 'approved';
  if (text.endsWith('施行')) return 'in-force';
  if (text.endsWith('通过')) return 'adopted';
  return 'other';
}

function unbalanced(text: string): boolean {
  return (text.match(OPENERS)?.length ?? 0) > (text.match(CLOSERS)?.length ?? 0);
}

/**
 * The words of one event. Collected lines sometimes end with the `根据` that introduced the
 * next amendment, or with the `）` that closed a parenthesis opened on an earlier line.
 */
function eventText(words: string): string {
  let text = words.trim().replace(/[\s\u3000]*根据$/, '').trim();
  const opened = [...text].filter((char) => char === '（' || char === '(').length;
  const closed = [...text].filter((char) => char === '）' || char === ')').length;
  if (closed > opened && /[）)]$/.test(text)) text = text.slice(0, -1).trim();
  return text;
}

function event(date: string, words: string): PolicyEvent {
  const text = eventText(words);
  return { date, text, kind: text === '' ? 'other' : eventKind(text) };
}

/**
 * Every event on one dated line (`1997年… 第一次修正根据2010年… 第二次修正` holds two). A date
 * right after 的 names a decision (`批准的2000年…决定`) and starts no event.
 */
export function parseEventLine(line: string): PolicyEvent[] {
  const digits = asciiDigits(line);
  const matches = [...digits.matchAll(DATE)].filter((match) => {
    const index = match.index ?? 0;
    const [year, month, day] = (match[1] ? match.slice(1, 4) : match.slice(4, 7)).map(Number);
    const valid = year !== undefined && month !== undefined && day !== undefined && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    return valid && (index === 0 || digits[index - 1] !== '的');
  });
  return matches.map((match, index) => {
    const [year = '', month = '', day = ''] = match[1] ? match.slice(1, 4) : match.slice(4, 7);
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[index + 1]?.index ?? line.length;
    return event(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, line.slice(start, end));
  });
}

export interface FrontMatter {
  title: string;
  events: PolicyEvent[];
  notes: string[];
  /** Index (0-based) of the first body line. */
  bodyStart: number;
}

/** Strips what an editor cannot see: zero-width characters and a BOM, then white space. */
export function cleanLine(line: string): string {
  return line.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
}

/**
 * Title, events and notes of a text split into lines. Undefined (with an error) when the text
 * is empty or its first line is not `# title`: the only ways a head refuses a file.
 */
export function readFrontMatter(lines: readonly string[], source: string, problems: PolicyProblem[]): FrontMatter | undefined {
  const titleIndex = lines.findIndex((line) => cleanLine(line) !== '');
  if (titleIndex < 0) {
    problems.push(policyProblem('empty', source, 1, 'the file is empty', { hint: 'a policy text starts with its title as "# …"' }));
    return undefined;
  }
  const titleMatch = /^#(?!#)\s*(\S.*)$/.exec(cleanLine(lines[titleIndex] ?? ''));
  if (!titleMatch?.[1]) {
    problems.push(
      policyProblem('no-title', source, titleIndex + 1, 'no title: the first line must be "# " and the title', {
        found: cleanLine(lines[titleIndex] ?? '').slice(0, 40),
        hint: 'add the title as the first line, e.g. "# 城市民族工作条例"',
      }),
    );
    return undefined;
  }
  const title = titleMatch[1].trim();

  let infoEnd = lines.findIndex((line) => cleanLine(line) === INFO_END);
  const missingEnd = infoEnd < 0;
  if (missingEnd) {
    // Without the marker, the head is the dated lines right after the title.
    infoEnd = titleIndex + 1;
    while (infoEnd < lines.length && (cleanLine(lines[infoEnd] ?? '') === '' || parseEventLine(cleanLine(lines[infoEnd] ?? '')).length > 0)) infoEnd++;
    problems.push(policyProblem('no-info-end', source, titleIndex + 1, `no "${INFO_END}" line`, { hint: 'the dated lines after the title are read as its history and the rest as its text' }));
  }

  const events: PolicyEvent[] = [];
  const notes: string[] = [];
  let previousDated = false;
  for (let index = titleIndex + 1; index < infoEnd; index++) {
    const line = cleanLine(lines[index] ?? '');
    if (line === '') continue;
    const found = parseEventLine(line);
    if (found.length > 0) {
      events.push(...found);
      previousDated = true;
      continue;
    }
    const last = events.at(-1);
    if (previousDated && last && unbalanced(last.text)) {
      // A dated line wrapped inside 《…》 or （…）: the words continue the last event.
      Object.assign(last, event(last.date, `${last.text}${line}`));
      continue;
    }
    previousDated = false;
    const note = line.replace(/^#+\s*/, '');
    notes.push(note);
    problems.push(
      policyProblem('front-matter-line', source, index + 1, `a line before "${INFO_END}" without a date; shown as a note under 制定和修改`, { found: note.slice(0, 40) }),
    );
  }
  return { title, events, notes, bodyStart: missingEnd ? infoEnd : infoEnd + 1 };
}
