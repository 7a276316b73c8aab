import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes a page makes the browser fetch, by kind, gzip-compressed as a server would send them. */
export interface PageWeight {
  page: string;
  html: number;
  js: number;
  css: number;
  files: string[];
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).length;

/** Local script and stylesheet URLs referenced by a page's HTML. */
export function referencedAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)].map((match) => match[1] ?? '');
  const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"|<link\b[^>]*href="(\/[^"]+)"[^>]*rel="stylesheet"/g)].map((match) => match[1] ?? match[2] ?? '');
  return { scripts, styles };
}

/** Static imports of an ES module bundle (`import "./x.js"`, `from "./x.js"`), as site paths. */
function moduleImports(code: string, from: string): string[] {
  const base = from.slice(0, from.lastIndexOf('/') + 1);
  return [...code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)].map((match) => {
    const target = match[1] ?? '';
    return target.startsWith('/') ? target : new URL(target, `http://site${base}`).pathname;
  });
}

/** The weight of one built page: its HTML, every script it loads (with imports) and every stylesheet. */
export function pageWeight(dist: string, page: string): PageWeight {
  const file = page.endsWith('/') ? `${page}index.html` : page;
  const html = readFileSync(join(dist, file));
  const { scripts, styles } = referencedAssets(html.toString('utf8'));
  const inline = [...html.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
  const seen = new Set<string>();
  const queue = [...scripts];
  let js = inline.reduce((total, code) => total + gzipSize(Buffer.from(code)), 0);
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    const full = join(dist, path);
    if (!existsSync(full)) continue;
    const code = readFileSync(full);
    js += gzipSize(code);
    queue.push(...moduleImports(code.toString('utf8'), path));
  }
  const css = styles.reduce((total, path) => {
    const full = join(dist, path);
    return total + (existsSync(full) ? gzipSize(readFileSync(full)) : 0);
  }, 0);
  return { page, html: gzipSize(html), js, css, files: [...seen, ...styles] };
}
