import { z } from 'astro/zod';

/**
 * A link to a page of this site, as metadata writes it: `/policies/xianfa/#第四条`. One `/`
 * and then a path: `//host/…` is protocol-relative and `/\host/…` is read the same way by
 * browsers (they turn `\` into `/` and drop tabs and line breaks), so both lead off the site.
 * No backslash, space or control character anywhere.
 */
export const siteHrefSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s\\\u0000-\u001f\u007f]*$/, 'a link on this site: one / then the path, e.g. /policies/xianfa/ (not //host/…, not /\\host/…, no spaces or backslashes)');
