import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ui } from '../../src/i18n/ui.ts';
import { builtFiles, DIST } from '../helpers/site.ts';

const files = builtFiles();
const read = (file: string) => readFileSync(join(DIST, file), 'utf8');

/** The text a reader sees: markup without scripts, styles, comments and tags (attributes carry the browser's templates). */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ');
}

const PLACEHOLDER = /\{[A-Za-z]+\}/;

describe('interface strings in the built site', () => {
  test('t() leaves no {placeholder} in the text of any page', () => {
    const pages = files.filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(100);
    const left = pages.flatMap((file) => {
      const found = PLACEHOLDER.exec(visibleText(read(file)));
      return found ? [`${file}: ${found[0]}`] : [];
    });
    expect(left).toEqual([]);
  });

  test('no {placeholder} is left in a generated SVG, text, CSV, JSON or feed', () => {
    const generated = files.filter((file) => /\.(svg|txt|csv|json|xml)$/.test(file) && !file.startsWith('pagefind/'));
    expect(generated.length).toBeGreaterThan(10);
    const left = generated.flatMap((file) => {
      const found = PLACEHOLDER.exec(read(file));
      return found ? [`${file}: ${found[0]}`] : [];
    });
    expect(left).toEqual([]);
  });

  test('no JavaScript bundle carries the dictionary (strings only the server uses are absent)', () => {
    const scripts = files.filter((file) => file.startsWith('_astro/') && file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const serverOnly = [ui['zh-CN']['site.tagline'], ui['zh-CN']['footer.offline'], ui['zh-CN']['map.profileLink'], ui['zh-CN']['places.count']];
    const carrying = scripts.filter((file) => serverOnly.some((text) => read(file).includes(text)));
    expect(carrying).toEqual([]);
  });
});
