/** 民族团结进步 materials for schools: the list and a material's facts, quoted articles, data and sources. */
export const unity = {
  'unity.title': '民族团结进步学习材料',
  'unity.lead': '供学校使用的民族团结进步材料。每一篇都由本站根据公开数据、法律法规和兰州市民族工作报告编写，注明出处，可以打印。',
  'unity.writtenBySite': '本页由本站编写',
  'unity.writtenBySiteNote': '文字由本站根据下列来源编写；引号内和表格中的内容照录来源。',
  'unity.gradeBands': '学段',
  'unity.subjects': '学科',
  'unity.format': '形式',
  'unity.topic': '主题',
  'unity.year': '年份',
  'unity.sources': '来源',
  'unity.articles': '法条原文',
  'unity.data': '数据',
  'unity.references': '原始报道',
  'unity.referencesLead': '本材料中的事实都出自下列报道，文字由本站重新组织，不是原文；引用时请以原文为准。',
} as const;
