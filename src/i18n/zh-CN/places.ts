/** Place profiles: the index with its search box, and one place's figures, ranks, comparisons, education and industry. */
export const places = {
  'places.title': '地区概况',
  'places.lead': '甘肃省 14 个市州和 87 个县级单位（含兰州新区）的概况：人口、少数民族人口比重及位次、与 2010 年的比较、城乡人口、受教育程度、分行业从业人员，以及与兰州市、甘肃省和全国的比较。',
  'places.search': '按名称查找地区',
  'places.searchHint': '输入地名的一部分，例如“城关”或“临夏”。',
  'places.count': '共 {count} 个地区',
  'places.shown': '显示 {shown} 个，共 {count} 个',
  'places.none': '没有名称包含“{query}”的地区。',
  'places.countiesOf': '{prefecture}所辖县级单位',
} as const;
