import { describe, expect, test } from 'vitest';
import { builtPages, readBuilt } from '../helpers/site.ts';

/** The briefs (简讯) as built: what each page shows and what the feed lists. */
const BRIEFS = {
  '/news/2024-01-26-gansu-eleventh-batch-model-units/': { printed: '2024-01-26 17:57:46', link: 'https://news.cri.cn/2024-01-26/7ef6e423-ac10-e379-9692-549289f9e328.html' },
  '/news/2022-04-05-lanzhou-ninth-batch-model-city/': { printed: '4月5日', link: undefined },
  '/news/2021-12-14-linxia-ninth-batch-model-units/': { printed: undefined, link: 'http://szb.chinalxnet.com/pc/cont/202112/14/content_62502.html' },
  '/news/2020-09-08-honggu-district-ethnic-unity/': { printed: '2020/09/08 20:59', link: 'http://gansu.gansudaily.com.cn/system/2020/09/08/030150464.shtml' },
};

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('news briefs as built', () => {
  test('every brief has its page under /news/', () => {
    expect(builtPages()).toEqual(expect.arrayContaining(Object.keys(BRIEFS)));
  });

  test.each(Object.entries(BRIEFS))('%s says it is the site\'s brief and shows the date as printed and the report\'s link', (path, { printed, link }) => {
    const html = readBuilt(path);
    expect(text(html)).toContain('本站简讯 · 发布日期');
    expect(text(html)).toContain('这是本站根据一篇新闻报道编写的简讯');
    expect(text(html)).toContain(printed ? `原文印出的日期：${printed}` : '原文没有印出日期');
    if (link) expect(html).toContain(`<a href="${link}" rel="external noopener">阅读原文`);
    else expect(text(html)).toContain('没有原文链接：');
  });

  test('the Lanzhou brief does not link the unrelated site that re-hosts the report', () => {
    expect(readBuilt('/news/2022-04-05-lanzhou-ninth-batch-model-city/')).not.toContain('href="http://szlusun.com');
  });

  test('the feed lists the report and the four briefs, newest first', () => {
    const links = [...readBuilt('/news/rss.xml').matchAll(/<item>\n<title>[^<]*<\/title>\n<link>[^<]*(\/news\/[^<]+)<\/link>/g)].map((match) => match[1]);
    expect(links).toEqual([...Object.keys(BRIEFS), '/news/2017-03-22-lanzhou-work-report/']);
  });
});
