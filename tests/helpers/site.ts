import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';

export const DIST = process.env.OUT_DIR ?? 'dist';

const TYPES: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Every file of the built site, as paths relative to dist/ with forward slashes. */
export function builtFiles(): string[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: npm test builds it first (npm run build)');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : [relative(DIST, path).split(sep).join('/')];
    });
  return walk(DIST).sort();
}

/** The URL path of each built HTML page (`/data/x/` for dist/data/x/index.html). */
export function builtPages(): string[] {
  return builtFiles()
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
}

export function readBuilt(urlPath: string): string {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFileSync(join(DIST, decodeURIComponent(file)), 'utf8');
}

/**
 * Headers for a URL path from dist/_headers (the Netlify/Cloudflare format: a path pattern
 * line, then indented `Name: value` lines; a later matching block overrides an earlier one).
 */
export function headersFor(urlPath: string): Record<string, string> {
  const file = join(DIST, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let matches = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      matches = pattern.test(urlPath);
      continue;
    }
    const separator = line.indexOf(':');
    if (matches && separator > 0) headers[line.slice(0, separator).trim().toLowerCase()] = line.slice(separator + 1).trim();
  }
  return headers;
}

/** Serves dist/ on 127.0.0.1 at a free port, as a static host would, with the headers of dist/_headers. */
export async function serveDist(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    if (path.includes('..')) {
      response.writeHead(400).end();
      return;
    }
    let file = join(DIST, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      path = '404.html';
      file = join(DIST, path);
      response.writeHead(404, { ...headersFor('/404.html'), 'content-type': TYPES['.html'] ?? 'text/html' });
      createReadStream(file).pipe(response);
      return;
    }
    response.writeHead(200, { ...headersFor(url.pathname), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
