import type { PolicyEvent } from '../../schemas/policy.ts';

/** `1993-09-15` → `1993年9月15日`. */
export function formatChineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) throw new Error(`not an ISO date: ${iso}`);
  return `${year}年${month}月${day}日`;
}

const VERSION_KINDS: readonly PolicyEvent['kind'][] = ['adopted', 'amended', 'revised'];

/**
 * Which version the text is, in the words legal citations use: the latest adoption,
 * amendment or revision (`2018年12月29日修正`), else the latest dated event of any kind.
 * Undefined when the text carries no dates.
 */
export function versionNote(events: readonly PolicyEvent[]): string | undefined {
  const versions = events.filter((event) => VERSION_KINDS.includes(event.kind));
  const latest = [...(versions.length > 0 ? versions : events)].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  if (!latest) return undefined;
  const verb = { adopted: '通过', amended: '修正', revised: '修订', approved: '批准', 'in-force': '施行', other: '', promulgated: latest.text.includes('发布') ? '发布' : '公布' }[latest.kind];
  return `${formatChineseDate(latest.date)}${verb}`;
}

/**
 * The citation of one unit as the page offers it, `unitName` from citationName (units.ts):
 * `《城市民族工作条例》第九条（1993年9月15日发布）。兰州民族工作数据站，<url>`.
 */
export function citeUnit(policy: { title: string; events: readonly PolicyEvent[] }, unitName: string, url: string, siteName: string): string {
  const version = versionNote(policy.events);
  return `《${policy.title}》${unitName}${version ? `（${version}）` : ''}。${siteName}，${url}`;
}
