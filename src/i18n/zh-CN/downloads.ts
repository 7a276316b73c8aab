/**
 * Downloads: their list on the dataset page, citations, and the words inside the files
 * (使用说明.txt, 许可与署名.txt, 引用.txt, the column dictionary and the JSON).
 */
export const downloads = {
  'data.downloads': '下载',
  'data.downloads.lead': '以下文件在建站时由原始发布文件生成，属于本版本（第 {version} 版）。地址中带有版本号：数据更新后发布新版本、使用新地址，已发布的地址内容不变。',
  'data.downloads.csv': '整理后的 CSV（UTF-8，Excel 可直接打开）',
  'data.downloads.columns': '字段说明（CSV：字段名、原表列名、单位、含义）',
  'data.downloads.json': 'JSON（元数据和全部行，缺失值为 null 并注明原因）',
  'data.downloads.zip': 'ZIP 压缩包（整理后的 CSV、字段说明、使用说明、许可与署名、引用格式）',
  'data.downloads.original': '原始发布文件（{file}，{encoding}，未作任何改动）',
  'data.downloads.originalOfBase': '原始发布文件（{file}，{encoding}，属于“{base}”，未作任何改动）',
  'data.downloads.howCsv': 'CSV 第一行是字段名，中文列名和含义见字段说明；数字不带千位分隔符，百分比按原表写作百分数（5.22 表示 5.22%）；缺失值留空，并在紧随其后的“字段名_note”列说明原因，不会写成 0。',
  'data.downloads.index': '全部数据集的目录（JSON，供程序读取）',
  'data.download.sourceLine': '该行在原始发布文件中的行号（含表头），用于回查原表',
  'data.download.note': '“{key}”一列为空的原因（如数据不详、为保密未公布）；该列有数值时此处为空',
  'data.citation': '引用本数据集',
  'data.citation.gbt': 'GB/T 7714—2015 格式',
  'data.citation.plain': '一般格式',
  'data.citation.note': '引用时请把“[引用日期]”换成您访问本页的日期，例如“[2026-12-01]”。',
} as const;
