import { defineMdastPlugin } from 'satteri';
import { href } from './url.ts';

/**
 * A Markdown plugin (Sätteri, Astro's Markdown processor): root-relative links and images in
 * Markdown and MDX content (`[报告全文](/news/…/)`) are site paths like any other, so they get
 * the base path the site is served under.
 */
export function basePathPlugin(base: string) {
  return defineMdastPlugin({
    name: 'lzmz-base-path',
    link(node, ctx) {
      const url = href(node.url, base);
      if (url !== node.url) ctx.setProperty(node, 'url', url);
    },
    image(node, ctx) {
      const url = href(node.url, base);
      if (url !== node.url) ctx.setProperty(node, 'url', url);
    },
  });
}
