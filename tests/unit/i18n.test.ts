import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fill } from '../../src/i18n/fill.ts';
import { browserTemplates, t, ui, zhCNParts } from '../../src/i18n/ui.ts';

/** Every source file that may name a key: src/ without the dictionary itself (ui.ts lists the browser's templates). */
const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(ts|astro|mdx?)$/.test(name))
  .map((name) => join('src', name))
  .filter((file) => !file.startsWith(join('src', 'i18n', 'zh-CN')) && file !== join('src', 'i18n', 'ui.ts'));
const code = sources.map((file) => readFileSync(file, 'utf8')).join('\n');

/** Prefixes of keys built at run time: t(`missing.${reason}`) names every key under `missing.`. */
const dynamicPrefixes = [...code.matchAll(/\bt\(`([\w.-]+)\$\{/g)].map((match) => match[1] ?? '');
const keys = Object.keys(ui['zh-CN']);

describe('the zh-CN dictionary', () => {
  test('no key is in two of its files (a later file would silently win)', () => {
    const counted = Object.values(zhCNParts).reduce((sum, part) => sum + Object.keys(part).length, 0);
    expect(counted).toBe(keys.length);
  });

  test('every key is used somewhere in src/ (no dead strings)', () => {
    const used = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``].some((quoted) => code.includes(quoted)) || dynamicPrefixes.some((prefix) => key.startsWith(prefix));
    expect(keys.filter((key) => !used(key))).toEqual([]);
  });

  test('every string is trimmed and non-empty (spaces around words stay in the markup)', () => {
    expect(Object.entries<string>(ui['zh-CN']).filter(([, value]) => value === '' || value.trim() !== value)).toEqual([]);
  });

  test('every template the browser fills has a placeholder', () => {
    for (const key of browserTemplates) expect(ui['zh-CN'][key], key).toMatch(/\{\w+\}/);
  });
});

describe('t and fill', () => {
  test("t('figure.line', { line: 12 }) fills the placeholder", () => {
    expect(t('figure.line', { line: 12 })).toBe('第 12 行');
  });

  test("t('places.count') leaves a browser template unfilled", () => {
    expect(t('places.count')).toBe('共 {count} 个地区');
  });

  test('fill("{a} and {b}", { a: 1 }) leaves a placeholder without a value as written', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  test('fill does not read placeholders inside the values it inserts', () => {
    expect(fill('{a}{b}', { a: '{b}', b: 'x' })).toBe('{b}x');
  });
});
