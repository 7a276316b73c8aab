import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cache for pure build outputs that are costly to make (a chart's PNG: resvg reads 17 MB of
 * fonts for each), keyed by a hash of everything they depend on. It lives in Astro's cache
 * folder (ASTRO_CACHE_DIR, else node_modules/.astro, see astro.config.mjs), so a build from an
 * empty cache (a fresh clone, the reproducibility test, a build from another data folder) makes
 * everything, and a rebuild after a change makes only what changed.
 */
const CACHE_ROOT = process.env.ASTRO_CACHE_DIR ?? join('node_modules', '.astro');

export function cachedBytes(kind: string, inputs: readonly string[], make: () => Uint8Array): Uint8Array {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(`${input.length}:${input}`);
  const dir = join(CACHE_ROOT, 'lanzhou', kind);
  const file = join(dir, hash.digest('hex'));
  if (existsSync(file)) return readFileSync(file);
  const bytes = make();
  mkdirSync(dir, { recursive: true });
  // Written beside, then renamed: a build stopped half-way leaves no half file.
  writeFileSync(`${file}.${process.pid}`, bytes);
  renameSync(`${file}.${process.pid}`, file);
  return bytes;
}
