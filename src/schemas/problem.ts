/** A problem found in a dataset, located precisely enough for an editor to fix it. */
export interface Problem {
  /** Path as the editor would type it, relative to the project root. */
  file: string;
  /** 1-based line in the file; 0 when the problem concerns the file as a whole. */
  line: number;
  /** 1-based column, counted in characters. */
  column: number;
  severity: 'error' | 'warning';
  message: string;
  expected?: string;
  found?: string;
  hint?: string;
  /**
   * In a workbook: the sheet and the cell in A1 notation (`K7`, or a range `E95:GW95`).
   * When present it is printed instead of line and column, which then hold the cell's
   * 1-based row and column for sorting.
   */
  cell?: { sheet: string; ref: string };
}

/**
 * A cell as Excel names it in a formula: `Sheet1!K7`, or `'1-20'!K7` when the sheet name
 * holds anything but letters, digits, `_` and `.` (or looks like a cell), so that it can be
 * pasted into Excel's name box as it stands.
 */
export function sheetReference(sheet: string, ref: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^r(\d*)c(\d*)$/i.test(sheet);
  return `${plain ? sheet : `'${sheet.replaceAll("'", "''")}'`}!${ref}`;
}

/**
 * `path:line:column: error: message (expected …, found "…"); hint` — one line, always;
 * `path:Sheet!A1: …` for a cell of a workbook.
 */
export function formatProblem(problem: Problem): string {
  const where = problem.cell ? `${problem.file}:${sheetReference(problem.cell.sheet, problem.cell.ref)}` : `${problem.file}:${problem.line}:${problem.column}`;
  let text = `${where}: ${problem.severity}: ${problem.message}`;
  const details: string[] = [];
  if (problem.expected !== undefined) details.push(`expected ${problem.expected}`);
  if (problem.found !== undefined) details.push(`found ${JSON.stringify(problem.found)}`);
  if (details.length > 0) text += ` (${details.join(', ')})`;
  if (problem.hint !== undefined) text += `; hint: ${problem.hint}`;
  return text.replace(/[\r\n]+/g, ' ');
}

export function countErrors(problems: readonly Problem[]): number {
  return problems.filter((problem) => problem.severity === 'error').length;
}
