import type { CellObject } from '@e965/xlsx';
import { cellText, type Header } from './header.ts';
import { columnLetters, foldLabel, foldName } from './labels.ts';

/**
 * A page header printed again inside the sheet: the CNKI exports keep the volume's page
 * breaks, so the Gansu county table prints, after 兰州市…静宁县, its title again with
 * `(续1)`, the unit line and both header rows before 酒泉市. Such rows are recognised by their
 * first text — the table number of the title, `单位`, or the label column's header (`地区`)
 * where the header starts — and skipped; the repeated header is compared with the one at
 * the top, cell by cell, and any difference is reported.
 *
 * The label column's header must stand in the first header row (as it does, merged down,
 * in every CNKI table): that is where a repeated header is recognised.
 */

export interface PageFurniture {
  /** Rows to skip, from the one recognised. */
  rows: number;
  /** Cells of a repeated header that differ from the header at the top. */
  problems: { ref: string; row: number; column: number; message: string }[];
}

function firstText(row: readonly (CellObject | undefined)[] | undefined): string {
  for (const cell of row ?? []) {
    const text = cellText(cell).trim();
    if (text !== '') return text;
  }
  return '';
}

/** A recogniser for repeated page headers; called with a 0-based row, it returns what to skip. */
export function pageFurniture(sheetRows: readonly ((CellObject | undefined)[] | undefined)[], header: Header, title: string | undefined): (r: number) => PageFurniture | undefined {
  const tableNumber = title === undefined ? undefined : foldName(title.split(/\s/)[0] ?? '');
  const first = header.rows[0] ?? 1;
  const span = (header.rows.at(-1) ?? first) - first + 1;
  return (r) => {
    const text = foldName(firstText(sheetRows[r]));
    const label = foldLabel(cellText(sheetRows[r]?.[header.labelIndex]));
    if (label !== '' && label === header.labelHeader) {
      const problems: PageFurniture['problems'] = [];
      header.rows.forEach((headerRow, h) => {
        const repeated = r + (headerRow - first);
        const original = header.cells[h] ?? [];
        const width = Math.max(original.length, sheetRows[repeated]?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const here = foldLabel(cellText(sheetRows[repeated]?.[c]));
          const there = original[c] ?? '';
          if (here !== there) {
            const ref = `${columnLetters(c)}${repeated + 1}`;
            problems.push({ ref, row: repeated + 1, column: c + 1, message: `the header repeated here reads ${JSON.stringify(here)} where ${columnLetters(c)}${headerRow} reads ${JSON.stringify(there)}` });
          }
        }
      });
      return { rows: span, problems };
    }
    if (text.startsWith('单位') || (tableNumber !== undefined && tableNumber !== '' && text.startsWith(tableNumber))) return { rows: 1, problems: [] };
    return undefined;
  };
}
