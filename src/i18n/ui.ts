/**
 * Every interface string, by locale. Pages, components and the files the site generates
 * take their words from here, never inline, so an English edition is a second dictionary
 * (a folder beside zh-CN/ with the same keys) rather than a rewrite. Data labels (column
 * headers, place and group names, quotes) stay with the data.
 */
import { fill } from './fill.ts';
import { accessibility } from './zh-CN/accessibility.ts';
import { charts } from './zh-CN/charts.ts';
import { data } from './zh-CN/data.ts';
import { downloads } from './zh-CN/downloads.ts';
import { groups } from './zh-CN/groups.ts';
import { maps } from './zh-CN/maps.ts';
import { news } from './zh-CN/news.ts';
import { places } from './zh-CN/places.ts';
import { policies } from './zh-CN/policies.ts';
import { search } from './zh-CN/search.ts';
import { site } from './zh-CN/site.ts';
import { unity } from './zh-CN/unity.ts';

export const locales = ['zh-CN'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

/** The parts of the Chinese dictionary, one file per part of the site; no key is in two of them (tests/unit/i18n.test.ts). */
export const zhCNParts = { site, data, downloads, charts, maps, places, groups, policies, news, unity, search, accessibility } as const;

const zhCN = { ...site, ...data, ...downloads, ...charts, ...maps, ...places, ...groups, ...policies, ...news, ...unity, ...search, ...accessibility } as const;

export type UiKey = keyof typeof zhCN;

/** Every locale has every key of the Chinese dictionary, and nothing else. */
export const ui = { 'zh-CN': zhCN } as const satisfies Record<Locale, Record<UiKey, string>>;

/** The names of the `{name}` placeholders in a string type. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type PlaceholdersOf<K extends UiKey> = Placeholders<(typeof zhCN)[K]>;

/**
 * Templates the browser fills itself: components pass them unfilled in a `data-*` attribute,
 * so that client code never imports this dictionary.
 */
export const browserTemplates = [
  'data.sorted.ascending',
  'data.sorted.descending',
  'places.count',
  'places.shown',
  'places.none',
  'policy.filter.count',
  'search.count',
  'search.more',
] as const satisfies readonly UiKey[];

/** Keys of strings with placeholders. */
type TemplateKey = { [K in UiKey]: [PlaceholdersOf<K>] extends [never] ? never : K }[UiKey];
/** Keys that `t()` takes without values: strings without placeholders, and the browser's templates. */
type PlainKey = Exclude<UiKey, TemplateKey> | (typeof browserTemplates)[number];

/** The string for `key`; a string with `{name}` placeholders needs a value for each, and only those. */
export function t(key: PlainKey, values?: Record<string, never>, locale?: Locale): string;
export function t<K extends TemplateKey>(key: K, values: Record<PlaceholdersOf<K>, string | number>, locale?: Locale): string;
export function t(key: UiKey, values: Record<string, string | number> = {}, locale: Locale = defaultLocale): string {
  return fill(ui[locale][key], values);
}
