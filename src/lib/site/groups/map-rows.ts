import type { MapRow } from '../../../maps/model.ts';
import { GANSU_NAME, GROUP_COUNT_KEY, PLACE_TOTAL_KEY } from '../../../maps/group-maps.ts';
import type { PlaceLevel } from '../../../schemas/geo.ts';
import { ALL_RESIDENCES, placeName2010, TOTAL } from './catalogue.ts';
import type { GroupTable } from './table-index.ts';

/**
 * The rows a map of one group is drawn from: one per place of the table with an adcode (the
 * national row and 嘉峪关市's 市辖区, which repeats the city, have none), holding the place's
 * name under its level's key (as src/maps/model.ts names regions), the group's count and the
 * place's total. Counts the volume left blank are 0; the share is the map measure's to compute.
 */
export function groupMapRows(table: GroupTable, code: string, level: PlaceLevel): MapRow[] {
  return table.rows.flatMap((row) => {
    const adcode = row.values.adcode;
    if (row.values.groupCode !== TOTAL || typeof adcode !== 'string' || (row.values.residence ?? ALL_RESIDENCES) !== ALL_RESIDENCES) return [];
    const name = level === 'province' ? (placeName2010(adcode) ?? row.values.place ?? adcode) : (row.values.place ?? adcode);
    const count = table.count(table.row(adcode, code));
    const total = table.count(row);
    return [
      {
        sourceLine: row.sourceLine,
        geoLevel: row.geoLevel,
        isSubtotal: row.isSubtotal,
        values: {
          adcode,
          province: level === 'province' ? name : GANSU_NAME,
          [level]: name,
          [GROUP_COUNT_KEY]: count,
          [PLACE_TOTAL_KEY]: total,
        },
      },
    ];
  });
}
