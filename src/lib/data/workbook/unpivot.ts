import type { SourcedValue, WorkbookRecord } from '../../../schemas/workbook.ts';
import type { WorkbookTable } from './read.ts';

/**
 * A wide table ("groups across": 汉族 小计/男/女 | 蒙古族 小计/男/女 | …) turned into tidy
 * records, one per row and series, each figure with the cell it came from:
 * `{ row: '兰州市', series: '03', values: { total: { value: 109515, ref: 'K6' }, male: …, female: … } }`.
 * Series appear in the order the sheet prints them; an unreadable cell (reported) is left out.
 */
export function unpivot(table: WorkbookTable): WorkbookRecord[] {
  const seriesOrder: string[] = [];
  const columnsBySeries = new Map<string, number[]>();
  table.columns.forEach((column, index) => {
    const list = columnsBySeries.get(column.series);
    if (list) list.push(index);
    else {
      seriesOrder.push(column.series);
      columnsBySeries.set(column.series, [index]);
    }
  });
  const records: WorkbookRecord[] = [];
  for (const row of table.rows) {
    for (const series of seriesOrder) {
      const indexes = columnsBySeries.get(series) ?? [];
      const values: Record<string, SourcedValue> = {};
      for (const index of indexes) {
        const cell = row.cells[index];
        const column = table.columns[index];
        if (cell && column) values[column.measure.key] = { value: cell.value, ref: cell.ref };
      }
      const first = table.columns[indexes[0] ?? -1];
      records.push({ row: row.key, rowLabel: row.label, rowNumber: row.rowNumber, series, seriesLabel: first?.seriesLabel ?? series, values });
    }
  }
  return records;
}
