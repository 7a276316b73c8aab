/**
 * What a build's log says it spent its time on: scripts/build.ts's data check and search
 * index lines and Astro's own timings (content sync and types, bundling, static routes, and
 * each page's `(+N ms)`), for the fixed-cost benchmark. Pure: lines in, seconds out.
 */

export interface BuildPhases {
  /** scripts/build.ts: the data check's own total (`…, 1.34 s` on its summary line). */
  check: number | undefined;
  /** Astro: content sync and type generation (`[types] Generated 1.62s`). */
  sync: number | undefined;
  /** Astro: bundling with Vite (every `[vite] ✓ built in …`). */
  bundle: number | undefined;
  /** Astro: generating the static routes (the `✓ Completed in …` after `generating static routes`). */
  routes: number | undefined;
  /** Seconds of the static routes by kind of page or file, from each page's `(+N ms)`. */
  routeGroups: Record<string, number>;
  /** scripts/build.ts: Pagefind (`pagefind: … 1.6 s`). */
  search: number | undefined;
}

const seconds = (text: string | undefined, unit: string | undefined) => (text === undefined ? undefined : Number(text) / (unit === 'ms' ? 1000 : 1));

/** The kind of a built path, for grouping: `/maps/x/` → maps, `/charts/x/v1.1/x.png` → chart PNG. */
export function routeGroup(path: string): string {
  const [section = '', ...rest] = path.replace(/^\/|\/$/g, '').split('/');
  const file = rest.at(-1) ?? '';
  if (/\.png$/.test(file)) return `${section} PNG`;
  if (/\.(csv|json|zip|svg|xlsx?|txt)$/.test(file)) return `${section} files`;
  if (section === 'embed' && rest[0] === 'maps') return 'embed maps';
  if (section.endsWith('.html') || section === '') return 'home, 404';
  return section;
}

export function buildPhases(lines: readonly string[]): BuildPhases {
  const phases: BuildPhases = { check: undefined, sync: undefined, bundle: undefined, routes: undefined, routeGroups: {}, search: undefined };
  let inRoutes = false;
  for (const line of lines.map((raw) => raw.replace(/\u001b\[[0-9;]*m/g, ''))) {
    const check = /datasets, .* rows kept, .*, (\d+(?:\.\d+)?) s$/.exec(line);
    if (check) phases.check = Number(check[1]);
    const sync = /\[types\] Generated (\d+(?:\.\d+)?)(ms|s)/.exec(line);
    if (sync) phases.sync = seconds(sync[1], sync[2]);
    const bundle = /\[vite\] ✓ built in (\d+(?:\.\d+)?)(ms|s)/.exec(line);
    if (bundle) phases.bundle = (phases.bundle ?? 0) + (seconds(bundle[1], bundle[2]) ?? 0);
    if (/generating static routes/.test(line)) inRoutes = true;
    const page = /[├└]─ (\S+) \(\+(\d+)ms\)/.exec(line);
    if (inRoutes && page?.[1] && page[2]) {
      const group = routeGroup(page[1]);
      phases.routeGroups[group] = (phases.routeGroups[group] ?? 0) + Number(page[2]) / 1000;
    }
    const routes = /✓ Completed in (\d+(?:\.\d+)?)(ms|s)\.$/.exec(line);
    if (inRoutes && routes && !line.includes('[build]')) {
      phases.routes = seconds(routes[1], routes[2]);
      inRoutes = false;
    }
    const search = /pagefind: .*, (\d+(?:\.\d+)?) s;/.exec(line);
    if (search) phases.search = Number(search[1]);
  }
  return phases;
}
