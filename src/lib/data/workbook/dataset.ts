import { join } from 'node:path';
import type { Cell } from '../../../schemas/cell.ts';
import type { ColumnMeta, DatasetMeta, RowAccount } from '../../../schemas/dataset.ts';
import type { GeoLevel } from '../../../schemas/geo.ts';
import type { WorkbookSpec } from '../../../schemas/workbook.ts';
import type { Problem } from '../../../schemas/problem.ts';
import { Table } from '../table.ts';
import { readWorkbookFolder } from './folder.ts';
import { groupMatcher, loadGroupTables, type GroupTables } from './groups.ts';
import { loadPlaces, matchPrefecturesAndCounties, matchProvinces, type Place, type PlaceMatch, type PlaceMatching } from './places.ts';
import type { WorkbookTable } from './read.ts';
import type { WorkbookFormat } from './open.ts';
import { unpivot } from './unpivot.ts';

/** The code tables workbooks are joined to, under the data root. */
export const REFERENCE_DIR = 'reference';
export const PLACES_2010_FILE = 'china_counties_2010.csv';
/** `residence` of the main file's rows when a table has parts (城市, 镇, 乡村). */
export const RESIDENCE_TOTAL = '合计';

interface Reference {
  tables: GroupTables;
  places: Place[];
}
const references = new Map<string, Reference>();

/** The group and place tables of a data root, read once. */
function reference(dataRoot: string): Reference {
  let found = references.get(dataRoot);
  if (!found) {
    const dir = join(dataRoot, REFERENCE_DIR);
    found = { tables: loadGroupTables(dir), places: loadPlaces(join(dir, PLACES_2010_FILE)) };
    references.set(dataRoot, found);
  }
  return found;
}

function matchPlaces(spec: WorkbookSpec, table: WorkbookTable, places: readonly Place[]): PlaceMatching | undefined {
  if (spec.rows !== 'places' || !spec.places) return undefined;
  return spec.places.level === 'provinces' ? matchProvinces(table.rows, places) : matchPrefecturesAndCounties(table.rows, places, spec.places);
}

export interface WorkbookDatasetInput {
  meta: DatasetMeta;
  spec: WorkbookSpec;
  dataRoot: string;
  /** Folder of the published files, and how problems name it (`data/<id>`). */
  fileDir: string;
  displayDir: string;
  /** The tidy columns (workbookColumns), in the order the rows hold their cells. */
  columns: readonly ColumnMeta[];
  account: RowAccount;
}

/**
 * A workbook dataset read as tidy rows: the main file and its parts through the workbook
 * reader and the declared checks, each record of the wide table a row — its place or group,
 * its group or category, its measures — with the sheet row it stands on and the cell of each
 * figure. Every record is counted in the account as a CSV row is.
 */
export function readWorkbookDataset(input: WorkbookDatasetInput): { table: Table; problems: Problem[]; format: WorkbookFormat | undefined } {
  const { meta, spec, columns, account } = input;
  const { tables, places } = reference(input.dataRoot);
  const groups = groupMatcher(tables);
  const groupName = new Map(tables.groups.map((group) => [group.code, group.name]));
  const folder = readWorkbookFolder(input.fileDir, input.displayDir, meta.file, spec, groups);
  const problems = [...folder.problems];
  const keys = columns.map((column) => column.key);
  const field = (key: string) => keys.indexOf(key);
  const fields = { residence: field('residence'), adcode: field('adcode'), place: field('place'), groupCode: field('groupCode'), group: field('group'), category: field('category'), categoryLabel: field('categoryLabel') };
  const measureFields = spec.measures.map((measure) => ({ key: measure.key, field: field(measure.key) }));

  const sources = folder.table ? [{ label: RESIDENCE_TOTAL, file: meta.file, table: folder.table }] : [];
  spec.parts.forEach((part, index) => {
    const table = folder.parts[index];
    if (table) sources.push({ label: part.label, file: part.file, table });
  });
  // Every record of every file, unpivoted first, so that the table is allocated once at its size.
  const unpivoted = sources.map((source) => unpivot(source.table));
  const table = new Table(keys, { numeric: columns.map((column) => column.type !== 'text' && column.type !== 'adcode'), capacity: unpivoted.reduce((n, records) => n + records.length, 0), refs: true });
  // One row's cells and their published cells, reused: the table copies them in.
  const cells: (Cell | undefined)[] = new Array<Cell | undefined>(keys.length);
  const refs: (string | undefined)[] = new Array<string | undefined>(keys.length);
  for (const [sourceIndex, source] of sources.entries()) {
    const matching = matchPlaces(spec, source.table, places);
    const byRow = new Map<number, PlaceMatch>(matching?.matches.map((match) => [match.rowNumber, match]));
    for (const match of matching?.unmatched ?? []) {
      problems.push({ file: source.table.file, line: match.rowNumber, column: 1, cell: { sheet: source.table.sheet, ref: `${spec.labelColumn}${match.rowNumber}` }, severity: 'error', message: `place ${JSON.stringify(match.name)} has no code in the 2010 county table`, hint: 'list it under workbook.places.unmatched with the reason, or check the name' });
    }
    account.blankLines += source.table.account.blankRows;
    // Which measures each series prints: the total of 5-3 (家庭户) has 户数 but no share.
    const printed = new Map<string, Set<string>>();
    for (const column of source.table.columns) {
      const keys = printed.get(column.series) ?? new Set<string>();
      keys.add(column.measure.key);
      printed.set(column.series, keys);
    }
    for (const record of unpivoted[sourceIndex] ?? []) {
      account.read++;
      cells.fill(undefined);
      refs.fill(undefined);
      let complete = true;
      for (const { key, field: f } of measureFields) {
        const figure = record.values[key];
        if (!figure) {
          if (printed.get(record.series)?.has(key)) complete = false;
          else {
            cells[f] = { missing: 'not-applicable', marker: '' };
            account.missingCells['not-applicable']++;
          }
          continue;
        }
        cells[f] = figure.value;
        refs[f] = figure.ref;
        if (typeof figure.value === 'object') account.missingCells[figure.value.missing]++;
      }
      if (!complete) {
        // The unreadable cell is already a problem with its reference.
        account.rejected++;
        continue;
      }
      if (spec.parts.length > 0) cells[fields.residence] = source.label;
      let geoLevel: GeoLevel = 'none';
      let isSubtotal = false;
      if (spec.rows === 'places') {
        const match = byRow.get(record.rowNumber);
        cells[fields.adcode] = match?.adcode ?? { missing: 'not-applicable', marker: '' };
        cells[fields.place] = record.row === 'total' ? record.rowLabel.replace(/\s+/g, '') : record.row;
        geoLevel = match?.level ?? 'none';
        // A row declared without a code (嘉峪关市's 市辖区) repeats its parent: shown, never summed.
        isSubtotal = match !== undefined && match.adcode === undefined && match.level !== 'nation';
      } else {
        cells[fields.groupCode] = record.row;
        cells[fields.group] = groupName.get(record.row) ?? record.rowLabel.replace(/\s+/g, '');
      }
      if (spec.series.kind === 'groups') {
        cells[fields.groupCode] = record.series;
        cells[fields.group] = groupName.get(record.series) ?? record.seriesLabel;
      } else {
        cells[fields.category] = record.series;
        cells[fields.categoryLabel] = record.seriesLabel;
      }
      if (isSubtotal) account.subtotals++;
      account.kept++;
      table.push(cells, { sourceLine: record.rowNumber, geoLevel, isSubtotal, ...(source.file === meta.file ? {} : { sourceFile: source.file }) }, refs);
    }
  }
  return { table, problems, format: folder.table?.format };
}
