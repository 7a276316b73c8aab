/**
 * Every internal URL of the site goes through here, so that the site can be served under
 * a path of a larger portal (`BASE_PATH=/mzw/sjz/`) as well as at the root of its own
 * domain (the default). Code builds *site paths* (`/data/x/`, from the site's root); `href`
 * turns one into the address a page links to, `absoluteUrl` into a full URL for feeds,
 * embeds, downloads and oEmbed. astro.config.mjs gives Astro the same base.
 */

/** `/mzw/sjz/` from `mzw/sjz`, `/mzw/sjz` or `/mzw/sjz/`; `/` when unset or empty. */
export function normaliseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) {
    throw new Error(`BASE_PATH must be a URL path such as /mzw/sjz/ (letters, digits, . _ ~ - between slashes); got ${JSON.stringify(value)}`);
  }
  return `/${trimmed}/`;
}

/** The deployment's own address, for absolute links (feeds, oEmbed, sitemap, downloads). */
export const SITE_URL = process.env.SITE_URL ?? 'http://localhost:4321';

/** The path the site is served under: `/` or `/mzw/sjz/`. */
export const BASE_PATH = normaliseBasePath(process.env.BASE_PATH);

/** The address of site path `path` (`/data/x/#row`) under the base path; `#…` and full URLs pass through. */
export function href(path: string, base: string = BASE_PATH): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return `${base}${path.slice(1)}`;
}

/** The full URL of site path `path` on the deployment at `site` (SITE_URL, Astro's `site`). */
export function absoluteUrl(path: string, site: URL | string | undefined, base: string = BASE_PATH): string {
  if (site === undefined) throw new Error('astro.config.mjs: `site` must be set (SITE_URL) for absolute URLs');
  return new URL(href(path, base), site).href;
}

/** The site path of an address under the base path (`/mzw/sjz/data/x/` → `/data/x/`), for pages that compare paths. */
export function sitePath(pathname: string, base: string = BASE_PATH): string {
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}
