import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';

const cacheDir = mkdtempSync(join(tmpdir(), 'build-cache-'));
vi.stubEnv('ASTRO_CACHE_DIR', cacheDir);
const { cachedBytes } = await import('../../src/lib/site/build-cache.ts');

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('cachedBytes', () => {
  test('makes the bytes once for the same inputs, and again for other inputs, in the Astro cache folder', () => {
    let made = 0;
    const make = (text: string) => () => {
      made++;
      return new TextEncoder().encode(text);
    };
    expect(new TextDecoder().decode(cachedBytes('test', ['<svg/>', 'renderer 1'], make('a')))).toBe('a');
    expect(new TextDecoder().decode(cachedBytes('test', ['<svg/>', 'renderer 1'], make('b')))).toBe('a');
    expect(new TextDecoder().decode(cachedBytes('test', ['<svg/>', 'renderer 2'], make('c')))).toBe('c');
    expect(made).toBe(2);
    expect(readdirSync(join(cacheDir, 'lanzhou', 'test'))).toHaveLength(2);
  });

  test('inputs are told apart by length, not just joined: ["ab", "c"] is not ["a", "bc"]', () => {
    cachedBytes('split', ['ab', 'c'], () => new Uint8Array([1]));
    expect(cachedBytes('split', ['a', 'bc'], () => new Uint8Array([2]))[0]).toBe(2);
  });
});
