import { spawn } from 'node:child_process';
import { cpSync, createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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

/** Every file of the built site (dist/, or `root`, another built site), as sorted paths relative to it with forward slashes. */
export function builtFiles(root: string = DIST): string[] {
  if (!existsSync(root)) throw new Error(`${root}/ is missing: npm test builds it first (npm run build)`);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : [relative(root, path).split(sep).join('/')];
    });
  return walk(root).sort();
}

/** The URL path of each built HTML page (`/data/x/` for dist/data/x/index.html). */
export function builtPages(): string[] {
  return builtFiles()
    .filter((file) => file.endsWith('.html'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
}

/** One built page of each route shape (/charts/x/, /charts/x/v1.1/, /embed/maps/x/, …), without the 404 page: a page of every kind. */
export function onePagePerRoute(): string[] {
  const pages = builtPages().filter((page) => page !== '/404.html');
  return [...new Map(pages.map((page) => [page.replace(/[^/]+/g, (segment, offset: number) => (offset === 1 ? segment : '*')), page])).values()];
}

export function readBuilt(urlPath: string): string {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFileSync(join(DIST, decodeURIComponent(file)), 'utf8');
}

/**
 * Headers for a URL path from dist/_headers (the Netlify/Cloudflare format: a path pattern
 * line, then indented `Name: value` lines; a later matching block overrides an earlier one).
 */
export function headersFor(urlPath: string, root: string = DIST): Record<string, string> {
  const file = join(root, '_headers');
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

/** Text types a host or CDN compresses; Pagefind's index files and images are already compressed. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/;

/**
 * Serves dist/ (or `root`, another built site) on 127.0.0.1 at a free port, as a static host
 * would, with the headers of its _headers. With `compress`, text is sent brotli- or gzip-encoded
 * as the request's Accept-Encoding allows, as any real host or CDN does (the benchmarks measure
 * what readers download; tests read plain bytes).
 */
export async function serveDist(options: { compress?: boolean; root?: string; base?: string } = {}): Promise<{ origin: string; close: () => Promise<void>; outside: string[] }> {
  const root = options.root ?? DIST;
  /** The path the site is served under, as a portal serves it (BASE_PATH); requests outside it are 404s, recorded. */
  const base = options.base ?? '/';
  const outside: string[] = [];
  /** Compressed bodies by encoding and file: compressed once, as a host serves precompressed files or a CDN its cache. */
  const compressed = new Map<string, Buffer>();
  const send = (request: IncomingMessage, response: ServerResponse, status: number, file: string, headers: Record<string, string>) => {
    const type = headers['content-type'] ?? '';
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = !options.compress || !COMPRESSIBLE.test(type) ? undefined : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    if (encoding === undefined) {
      response.writeHead(status, headers);
      createReadStream(file).pipe(response);
      return;
    }
    const key = `${encoding} ${file}`;
    const body = compressed.get(key) ?? (encoding === 'br' ? brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(readFileSync(file), { level: 9 }));
    compressed.set(key, body);
    response.writeHead(status, { ...headers, 'content-encoding': encoding, 'content-length': String(body.length), vary: 'Accept-Encoding' }).end(body);
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      outside.push(url.pathname);
      response.writeHead(404).end();
      return;
    }
    const path = normalize(decodeURIComponent(url.pathname.slice(base.length - 1))).replace(/^([/\\])+/, '');
    if (path.includes('..')) {
      response.writeHead(400).end();
      return;
    }
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(root, '404.html');
      // A folder without a 404 page (the benchmarks' synthetic corpus) gets a bare 404.
      if (!existsSync(notFound)) response.writeHead(404).end();
      else send(request, response, 404, notFound, { ...headersFor('/404.html', root), 'content-type': TYPES['.html'] ?? 'text/html' });
      return;
    }
    send(request, response, 200, file, { ...headersFor(url.pathname, root), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    outside,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * Runs scripts/build.ts, as `npm run build` does, into `outDir` without blocking the test
 * worker: from `dataRoot` (default data/) and with `env` added (SITE_URL, BASE_PATH, …).
 */
export function buildSite(options: { outDir: string; dataRoot?: string; env?: Record<string, string> }): Promise<{ status: number | null; log: string }> {
  const env = { ...process.env, OUT_DIR: options.outDir, ...(options.dataRoot ? { DATA_ROOT: options.dataRoot } : {}), ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => log.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, log: Buffer.concat(log).toString('utf8') }));
  });
}

/** The error lines of a failed build's log and its end, for a test's failure message. */
export function buildFailure(result: { status: number | null; log: string }): string {
  const errors = result.log.split('\n').filter((line) => /error/i.test(line)).slice(0, 20);
  return `the build failed (exit ${result.status}):\n${errors.join('\n')}\n…\n${result.log.slice(-2000)}`;
}

/** A copy of data/ in `root`/data, for a build with fixtures laid over it; returns its path. */
export function copyOfData(root: string): string {
  const data = join(root, 'data');
  cpSync('data', data, { recursive: true });
  return data;
}
