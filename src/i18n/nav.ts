import type { UiKey } from './ui.ts';

/**
 * The site's sections, in navigation order. A section appears in the navigation once
 * its pages exist (`built: true`); the others are listed here so that their place and
 * route are fixed ahead of the issues that build them.
 */
export const sections: readonly { key: Extract<UiKey, `nav.${string}`>; href: string; built: boolean }[] = [
  { key: 'nav.data', href: '/data/', built: true },
  { key: 'nav.charts', href: '/charts/', built: true },
  { key: 'nav.maps', href: '/maps/', built: true },
  { key: 'nav.groups', href: '/groups/', built: true },
  { key: 'nav.policies', href: '/policies/', built: true },
  { key: 'nav.news', href: '/news/', built: true },
  { key: 'nav.unity', href: '/unity/', built: true },
  { key: 'nav.search', href: '/search/', built: true },
];
