import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// src/charts is spec + rows in, state and SVG out: reading files and loading data live in src/lib.
const CHART_CODE = 'src/charts';
const files = readdirSync(CHART_CODE, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(CHART_CODE, name));

/** Every module a file names: `import … from`, `export … from`, `import '…'` and `import('…')`. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1] ?? match[2] ?? '');
}

const builtins = new Set(builtinModules);
const isBuiltin = (name: string) => name.startsWith('node:') || builtins.has(name.split('/')[0] ?? name);
const libDir = resolve('src/lib');

describe('chart code is pure', () => {
  test('importsOf reads the imports of src/charts/state.ts', () => {
    expect(importsOf('src/charts/state.ts')).toContain('./layouts/bar.ts');
  });

  test.each(files)('%s imports no Node built-in (node:fs …) and nothing from src/lib', (file) => {
    for (const name of importsOf(file)) {
      expect(isBuiltin(name), name).toBe(false);
      if (name.startsWith('.')) expect(resolve(dirname(file), name).startsWith(libDir), name).toBe(false);
    }
  });
});
