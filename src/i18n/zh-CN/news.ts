/** Work news: the list, an article, the charts drawn from its figures, and the RSS feed. */
export const news = {
  'news.title': '工作动态',
  'news.lead': '兰州市民族工作的报告和动态。转载的文件逐字照录，并注明来源。',
  'news.rss': 'RSS 订阅',
  'news.source': '来源',
  'news.editorial': '编辑说明',
  'news.published': '发布日期',
  'news.charts': '报告中的数字（图表）',
  'news.chartsLead': '以下图表由本站根据报告中写明的数字绘制。',
  'news.chartLink': '图表页：数据表、下载和嵌入代码',
  'news.sourceDataset': '报告原文和其中的数字见数据集',
} as const;
