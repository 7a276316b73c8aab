/** Site search: the form, its filters, the status line and the results (the browser fills the counts). */
export const search = {
  'search.title': '搜索',
  'search.lead': '搜索本站的数据集、政策法规、工作动态和学习材料。',
  'search.label': '搜索内容',
  'search.submit': '搜索',
  'search.noJs': '搜索需要 JavaScript。可以从导航进入数据、政策法规、工作动态和学习材料的目录查找。',
  'search.filters': '筛选条件',
  'search.results': '搜索结果',
  'search.count': '找到 {count} 个结果',
  'search.none': '没有找到结果',
  'search.clear': '清除筛选',
  'search.error': '搜索索引无法载入。',
  'search.matchIn': '匹配位置',
  'search.more': '显示更多（还有 {count} 个）',
} as const;
