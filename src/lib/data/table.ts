import type { Cell } from '../../schemas/cell.ts';
import type { GeoLevel } from '../../schemas/geo.ts';

/** What the check keeps of a row besides its cells. */
export interface RowInfo {
  /** Line of the published file (or sheet row) where the row starts. */
  sourceLine: number;
  geoLevel: GeoLevel;
  /** A subtotal row (e.g. 市辖区): shown, never summed. */
  isSubtotal: boolean;
  /** For a workbook's part (城市, 镇, 乡村): the file the row comes from, when not the main one. */
  sourceFile?: string;
}

const INITIAL_ROWS = 1024;

/** A table as plain data: what survives a structured clone (the build's hand-over, src/lib/data/checked.ts). */
export interface TableData {
  keys: readonly (string | undefined)[];
  rows: RowInfo[];
  numbers: (Float64Array | undefined)[];
  others: Map<number, Cell>[];
  texts: (Cell | undefined)[][];
  refs: (string | undefined)[][] | undefined;
}

/**
 * The kept rows of a dataset, stored by field. A numeric field keeps its numbers unboxed
 * in a Float64Array and its few missing values (NaN in the array) in a map; a text field
 * keeps an array. So the check allocates nothing per number, and the published text it
 * read a row from is garbage as soon as the row is stored (the census table's half a
 * million strings never outlive their row). `rowsOf` builds row objects for the site.
 */
export class Table {
  /** The column key of each field; undefined for a field that is not shipped. */
  readonly keys: readonly (string | undefined)[];
  readonly rows: RowInfo[] = [];
  #numbers: (Float64Array | undefined)[];
  #others: Map<number, Cell>[];
  #texts: (Cell | undefined)[][];
  /** For a workbook: the cell (A1) of each figure, by field, then by row. */
  #refs: (string | undefined)[][] | undefined;
  #capacity: number;
  /** Index of the row being written (rows.length, kept in a field for the hot path). */
  #row = 0;

  /**
   * `numeric[field]`: the field holds numbers (and missing values), not text. `capacity`:
   * the rows expected (a CSV's lines), so that the arrays are allocated once. `refs`: the
   * table keeps the published cell of each figure (a workbook's).
   */
  constructor(keys: readonly (string | undefined)[], options: { numeric?: readonly boolean[]; capacity?: number; refs?: boolean } = {}) {
    const { numeric = [], capacity = INITIAL_ROWS } = options;
    this.keys = keys;
    this.#refs = options.refs ? keys.map(() => []) : undefined;
    // One spare row: the row being written after the last one kept.
    this.#capacity = Math.max(1, capacity) + 1;
    this.#numbers = keys.map((_, field) => (numeric[field] ? new Float64Array(this.#capacity) : undefined));
    this.#others = keys.map(() => new Map());
    this.#texts = keys.map(() => []);
  }

  /** Index of the row being written: the next `commit` keeps it, a rejected row is overwritten. */
  get next(): number {
    return this.#row;
  }

  /** Stores a number in `field` of the row being written. */
  setNumber(field: number, value: number): void {
    const numbers = this.#numbers[field];
    if (numbers) numbers[this.#row] = value;
    else this.#texts[field]![this.#row] = value;
  }

  /** Stores any cell (or none) in `field` of the row being written. */
  set(field: number, value: Cell | undefined): void {
    const row = this.#row;
    const numbers = this.#numbers[field];
    if (!numbers) {
      this.#texts[field]![row] = value;
    } else if (typeof value === 'number') {
      numbers[row] = value;
    } else {
      numbers[row] = Number.NaN;
      if (value === undefined) this.#others[field]!.delete(row);
      else this.#others[field]!.set(row, value);
    }
  }

  /** Stores the published cell of the figure in `field` of the row being written. */
  setRef(field: number, ref: string | undefined): void {
    const refs = this.#refs?.[field];
    if (refs) refs[this.#row] = ref;
  }

  /** Whether the table keeps published cells (see `ref`). */
  get hasRefs(): boolean {
    return this.#refs !== undefined;
  }

  /** The published cell (A1) of a kept row's figure, for a workbook's table. */
  ref(row: number, field: number): string | undefined {
    return this.#refs?.[field]?.[row];
  }

  /** Keeps the row being written. */
  commit(info: RowInfo): void {
    this.rows.push(info);
    this.#row = this.rows.length;
    if (this.#row < this.#capacity) return;
    this.#capacity *= 2;
    this.#numbers.forEach((numbers, field) => {
      if (!numbers) return;
      const grown = new Float64Array(this.#capacity);
      grown.set(numbers);
      this.#numbers[field] = grown;
    });
  }

  /** Writes a whole row (undefined where a field has no cell), with its published cells if kept, and keeps it. */
  push(cells: readonly (Cell | undefined)[], info: RowInfo, refs?: readonly (string | undefined)[]): void {
    for (let field = 0; field < this.keys.length; field++) {
      this.set(field, cells[field]);
      this.setRef(field, refs?.[field]);
    }
    this.commit(info);
  }

  /** The cell of a kept row (or of the row being written), undefined where the row has none. */
  cell(row: number, field: number): Cell | undefined {
    const numbers = this.#numbers[field];
    if (!numbers) return this.#texts[field]?.[row];
    const value = numbers[row] ?? Number.NaN;
    return value === value ? value : this.#others[field]!.get(row);
  }

  /** The kept rows as plain data. A structured clone keeps neither the class nor its private fields: see `Table.from`. */
  data(): TableData {
    const rows = this.rows.length;
    return {
      keys: this.keys,
      rows: this.rows,
      numbers: this.#numbers.map((numbers) => numbers?.slice(0, rows)),
      others: this.#others,
      texts: this.#texts.map((texts) => texts.slice(0, rows)),
      refs: this.#refs?.map((refs) => refs.slice(0, rows)),
    };
  }

  /** The table again from `data()`, read-only in use (the rows are all kept). */
  static from(data: TableData): Table {
    const table = new Table(data.keys, { capacity: 0, refs: data.refs !== undefined });
    for (const info of data.rows) table.rows.push(info);
    table.#numbers = data.numbers;
    table.#others = data.others;
    table.#texts = data.texts;
    table.#refs = data.refs;
    table.#row = data.rows.length;
    table.#capacity = data.rows.length;
    return table;
  }
}
