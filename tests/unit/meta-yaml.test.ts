import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { YamlSource } from '../../src/lib/data/meta.ts';

const DATA_ROOT = join(import.meta.dirname, '..', '..', 'data');

/** Every metadata file the site ships: dataset.yaml of each dataset, the charts, the policy list. */
function shippedYaml(): string[] {
  const datasets = readdirSync(DATA_ROOT, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    return readdirSync(join(DATA_ROOT, entry.name)).filter((name) => name.endsWith('.yaml')).map((name) => join(DATA_ROOT, entry.name, name));
  });
  return datasets.sort();
}

describe('YamlSource', () => {
  const files = shippedYaml();

  test('shippedYaml finds the datasets, the charts and the policy list', () => {
    expect(files.some((file) => file.endsWith('china-counties-2020/dataset.yaml'))).toBe(true);
    expect(files.some((file) => file.includes('/charts/'))).toBe(true);
    expect(files.some((file) => file.endsWith('policies/policies.yaml'))).toBe(true);
  });

  test.each(files.map((file) => [file.slice(DATA_ROOT.length + 1), file]))('YamlSource(%s).value equals what the yaml library reads', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(new YamlSource(file, text).value).toEqual(parse(text));
  });

  test('YamlSource("a: 1\\nb: [2, x]").locate(["b", 1]) is line 2, column 8', () => {
    expect(new YamlSource('t.yaml', 'a: 1\nb: [2, x]\n').locate(['b', 1])).toEqual({ line: 2, column: 8 });
  });

  test('YamlSource of an unterminated flow list has a syntax problem at its line, and no value', () => {
    const source = new YamlSource('t.yaml', 'a: 1\nb: [2, x\n');
    expect(source.value).toBeUndefined();
    expect(source.syntaxProblem).toMatchObject({ file: 't.yaml', severity: 'error' });
    expect(source.syntaxProblem?.message).toMatch(/^YAML: /);
  });

  test('YamlSource reads dates and version-like numbers as the YAML 1.2 core schema does (no Date, no sexagesimal)', () => {
    expect(new YamlSource('t.yaml', 'updated: 2026-12-01\ntime: 1:20\nversion: 010\n').value).toEqual({ updated: '2026-12-01', time: '1:20', version: 10 });
  });
});
