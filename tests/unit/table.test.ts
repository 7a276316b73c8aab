import { deserialize, serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { Table } from '../../src/lib/data/table.ts';

const info = (sourceLine: number) => ({ sourceLine, geoLevel: 'county' as const, isSubtotal: false });
const NA = { missing: 'not-available' as const, marker: 'NA' };

describe('Table', () => {
  test('Table.cell returns numbers, missing values and text as they were set', () => {
    const table = new Table(['name', 'population'], { numeric: [false, true] });
    table.push(['城关区', 1_000], info(2));
    table.push(['七里河区', NA], info(3));
    expect([table.cell(0, 0), table.cell(0, 1), table.cell(1, 0), table.cell(1, 1)]).toEqual(['城关区', 1_000, '七里河区', NA]);
    expect(table.rows.map((row) => row.sourceLine)).toEqual([2, 3]);
  });

  test('Table: a row written but not committed is overwritten by the next one, missing value and all', () => {
    const table = new Table(['population'], { numeric: [true] });
    table.set(0, NA);
    table.setNumber(0, 5);
    table.commit(info(4));
    expect(table.cell(0, 0)).toBe(5);
    expect(table.rows).toHaveLength(1);
  });

  test('Table survives the build hand-over (a structured clone) through data() and Table.from, cells and published refs alike', () => {
    const table = new Table(['name', 'population'], { numeric: [false, true], refs: true });
    table.push(['城关区', 1_000], info(2), ['A2', 'B2']);
    table.push(['七里河区', NA], info(3), ['A3', 'B3']);
    const cloned = deserialize(serialize(table)) as Table;
    expect(() => cloned.cell(0, 0)).toThrow();
    const restored = Table.from(deserialize(serialize(table.data())));
    expect([restored.cell(0, 0), restored.cell(0, 1), restored.cell(1, 0), restored.cell(1, 1)]).toEqual(['城关区', 1_000, '七里河区', NA]);
    expect([restored.ref(1, 1), restored.hasRefs, restored.rows.length]).toEqual(['B3', true, 2]);
  });

  test('Table grows past its capacity and keeps every value', () => {
    const table = new Table(['n'], { numeric: [true], capacity: 2 });
    for (let i = 0; i < 50; i++) table.push([i * 1.5], info(i + 2));
    expect(Array.from({ length: 50 }, (_, row) => table.cell(row, 0))).toEqual(Array.from({ length: 50 }, (_, i) => i * 1.5));
  });

  test('Table.cell of a field the row has no cell in is undefined', () => {
    const table = new Table(['name', 'share'], { numeric: [false, true] });
    table.push([undefined, undefined], info(2));
    expect([table.cell(0, 0), table.cell(0, 1)]).toEqual([undefined, undefined]);
  });

  test('Table with refs keeps the published cell of each figure by row and field', () => {
    const table = new Table(['place', 'total'], { numeric: [false, true], refs: true });
    table.push(['兰州市', 109_515], info(6), [undefined, 'K6']);
    table.push(['城关区', 49_886], info(7), [undefined, 'K7']);
    expect([table.ref(0, 1), table.ref(1, 1), table.ref(1, 0)]).toEqual(['K6', 'K7', undefined]);
    expect(new Table(['x']).hasRefs).toBe(false);
  });
});
