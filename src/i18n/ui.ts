/**
 * Every interface string, by locale. Pages and components take strings from here, never
 * inline, so an English edition is a second dictionary rather than a rewrite.
 */
export const locales = ['zh-CN'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

export const ui = {
  'zh-CN': {
    'site.name': '兰州民族工作数据站',
    'site.tagline': '兰州市民族工作的数据、地图、政策法规和民族团结进步资料，每个数字都注明出处。',
    'skip.main': '跳到正文',
    'nav.label': '主导航',
    'nav.home': '首页',
    'nav.data': '数据',
    'nav.maps': '地图',
    'nav.policies': '政策法规',
    'nav.news': '工作动态',
    'nav.unity': '民族团结进步',
    'nav.search': '搜索',
    'footer.sources': '本站所有数字均来自公开发布的统计资料和文件，页面上注明出处；说明文字由本站编写，只转述来源的内容。',
    'footer.offline': '本站不使用外部字体、地图瓦片、统计或跟踪服务。',
    'home.title': '兰州民族工作数据站',
    'home.lead': '兰州是多民族聚居的城市。这里汇集人口普查中的民族人口数据、各县区的教育和行业结构，以及城市民族工作的政策法规，每个数字都可追溯到来源表格的行。',
    'home.headline': '主要数字',
    'home.byUnit': '各县区少数民族人口比重（2020年）',
    'home.byUnitNote': '按少数民族人口比重从高到低排列。比重为公布值（保留两位小数）。',
    'home.groups': '兰州人口最多的少数民族（2010年）',
    'home.datasets': '全部数据集',
    'figure.source': '来源',
    'figure.line': '第 {line} 行',
    'data.title': '数据',
    'data.lead': '本站发布的全部数据集。每个数据集都保存原始发布文件，并说明来源、许可和需要了解的事项。',
    'data.rows': '{rows} 行',
    'data.sample': '示例数据，非真实统计',
    'data.caveats': '需要了解的事项',
    'data.columns': '字段说明',
    'data.source': '来源',
    'data.licence': '许可与署名',
    'data.geography': '地域',
    'data.period': '时间',
    'data.updated': '最后更新',
    'data.version': '版本',
    'data.publisher': '发布机构',
    'data.view': '本数据集是“{base}”的子集，读取同一个原始文件。',
    'data.table': '数据表',
    'data.tableCaption': '{title}：共 {rows} 行；“{missing}”等符号的含义见表下说明。',
    'data.column.source': '原表列名',
    'data.column.key': '字段名',
    'data.column.type': '类型',
    'data.column.unit': '单位',
    'data.column.meaning': '含义',
    'data.accounting': '行数核对：原文件 {read} 行数据，保留 {kept} 行，剔除 {rejected} 行，不属本子集 {filteredOut} 行。',
    'missing.legend': '缺失值符号',
    'missing.blank': '原表空白',
    'missing.not-available': '数据不详（原表 NA）',
    'missing.not-applicable': '无此项（原表 —）',
    'missing.too-small': '数据不足最小单位（原表 …）',
    'missing.suppressed': '为保密未公布（原表 x）',
    'missing.source-error': '原表数值有误，本站不采用',
    'notFound.title': '找不到这个页面',
    'notFound.lead': '地址可能有误，或页面已经移动。可以从首页或数据目录重新找起。',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type UiKey = keyof (typeof ui)['zh-CN'];

/** The string for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: UiKey, values: Record<string, string | number> = {}, locale: Locale = defaultLocale): string {
  const template: string = ui[locale][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
