import type { UiKey } from './ui.ts';

/**
 * The site's sections, in navigation order. A section appears in the navigation once
 * its pages exist (`built: true`); the others are listed here so that their place and
 * route are fixed ahead of the issues that build them.
 */
export const sections: readonly { key: UiKey; href: string; built: boolean }[] = [
  { key: 'nav.data', href: '/data/', built: true },
  { key: 'nav.maps', href: '/maps/', built: false },
  { key: 'nav.policies', href: '/policies/', built: false },
  { key: 'nav.news', href: '/news/', built: false },
  { key: 'nav.unity', href: '/unity/', built: false },
  { key: 'nav.search', href: '/search/', built: false },
];
