/** One item of the feed. */
export interface FeedItem {
  title: string;
  /** Absolute URL of the article. */
  link: string;
  /** ISO date, YYYY-MM-DD (read as midnight China Standard Time). */
  date: string;
  description: string;
  category: string;
}

export interface Feed {
  title: string;
  /** Absolute URL of the site's news section. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  description: string;
  items: readonly FeedItem[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2017-03-22` → `Wed, 22 Mar 2017 00:00:00 +0800` (RFC 822, as RSS 2.0 wants). */
export function rfc822(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) throw new Error(`not an ISO date: ${isoDate}`);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${DAYS[weekday]}, ${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${year} 00:00:00 +0800`;
}

/** An RSS 2.0 document, newest item first. Built by hand: nothing is fetched, nothing hidden. */
export function rssXml(feed: Feed): string {
  const items = [...feed.items].sort((a, b) => b.date.localeCompare(a.date));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(feed.title)}</title>`,
    `<link>${escapeXml(feed.link)}</link>`,
    `<atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeXml(feed.description)}</description>`,
    '<language>zh-CN</language>',
    ...(items[0] ? [`<lastBuildDate>${rfc822(items[0].date)}</lastBuildDate>`] : []),
    ...items.flatMap((item) => [
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.link)}</link>`,
      `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
      `<pubDate>${rfc822(item.date)}</pubDate>`,
      `<category>${escapeXml(item.category)}</category>`,
      `<description>${escapeXml(item.description)}</description>`,
      '</item>',
    ]),
    '</channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}
