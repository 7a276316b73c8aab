import { href } from './url.ts';

/**
 * The response headers a host should send, for hosts that read a `_headers` file (Netlify,
 * Cloudflare Pages); docs/security-headers.md gives the same for nginx. The site loads
 * nothing from another origin and has no inline script or style, so the policy needs no
 * 'unsafe-inline'; Pagefind's search runs WebAssembly, hence 'wasm-unsafe-eval'. Only embed
 * pages may be framed by other sites.
 */
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** Rules by site path pattern; a later matching block overrides an earlier one's headers. */
export const headerRules: readonly { path: string; headers: Readonly<Record<string, string>> }[] = [
  {
    path: '/*',
    headers: { 'Content-Security-Policy': `${POLICY}; frame-ancestors 'self'`, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin' },
  },
  { path: '/embed/*', headers: { 'Content-Security-Policy': `${POLICY}; frame-ancestors *` } },
  { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
];

/** The `_headers` file for a site served under `base`: every rule's path under the base path. */
export function headersFile(base?: string): string {
  const blocks = headerRules.map((rule) => [href(rule.path, base), ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `# Written by npm run build (src/lib/site/headers.ts); for nginx see docs/security-headers.md.\n\n${blocks.join('\n\n')}\n`;
}
