/**
 * Maps: the list, a map's figure, legend, table and accessible labels, the measures and map
 * titles the catalogue composes, and the notes on regions without a value.
 */
export const maps = {
  'maps.title': '地图',
  'maps.lead': '兰州市各县区、甘肃省各县区和市州、全国各省区市和县区的人口与少数民族人口比重地图。地图在页面生成时绘制，不依赖外部地图服务；每张地图都附有同样数据的表格和来源。',
  'maps.curated': '人口与少数民族人口比重',
  'maps.columns': '数据集各列的地图',
  'maps.columnsLead': '下列数据集的每个数值列都有一张地图，范围与数据集相同。',
  'maps.places': '地区概况',
  'maps.placesLead': '兰州市各县区和甘肃省各县区、市州的人口、民族构成、城乡、受教育程度和行业概况。',
  'maps.points': '点位数据',
  'maps.pointsNone': '目前没有带坐标的数据集（例如清真食品经营单位名录）。发布者提供这类数据后，这里会显示点位图层、列表和筛选。',
  'maps.provinceCounties': '各省份分县地图',
  'maps.provinceCountiesLead': '{count} 个省区市各县级单位的少数民族人口比重（2020年），每省一张地图：',
  'maps.changeCaveat': '兰州新区、永登县、皋兰县和华亭市的辖区在两次普查之间有变化，地图上不显示其变化，标为“无数据”。',
  'map.skipToTable': '跳过地图，查看同样数据的表格',
  'map.help': '用 Tab 键可逐个浏览地区，读出地名、数值和位次。',
  'map.helpEnter': '有概况页的地区，按回车键打开其概况。',
  'map.regionsLabel': '{title}：{count} 个地区，位次为在{scope}中的位次',
  'map.noDataNotes': '没有数值或未上图的地区（{count} 项）及原因',
  'map.unmapped': '另有 {count} 个县级单位未上图，原因见下方说明。',
  'map.linesInTable': '各地区在原始文件中的行号见数据表“行号”列。',
  'map.tableCaption': '{title}：{count} 个地区，按区划代码排列',
  'map.column.place': '地区',
  'map.column.adcode': '区划代码',
  'map.column.rank': '位次',
  'map.column.line': '行号',
  'map.tablePage': '数据表',
  'map.tableOnOwnPage': '地区很多，数据表在单独的页面上：',
  'map.backToMap': '返回地图',
} as const;
