import { RESIDENCE_PARTS, TOTAL } from './catalogue.ts';
import { NATION, shareOf, type Figure, type GroupTable } from './table-index.ts';

/** A group's figures for the whole country: population 2000 and 2010, sex and residence in 2010. */
export interface NationalFigures {
  population2010: Figure | undefined;
  population2000: Figure | undefined;
  /** (2010 − 2000) ÷ 2000, computed by the site from the two published counts. */
  change: number | undefined;
  /** The national population, 2010 (all groups). */
  nation2010: Figure | undefined;
  /** The group's share of the national population, 2010 (计算). */
  shareOfNation: number | undefined;
  male: Figure | undefined;
  female: Figure | undefined;
  /** Men per 100 women, 2010 (计算). */
  sexRatio: number | undefined;
  /** 城市, 镇, 乡村 (tables 1-6a/b/c), each with its share of the group's total (计算). */
  residence: { label: (typeof RESIDENCE_PARTS)[number]; count: Figure; share: number | undefined }[];
}

/** (now − then) ÷ then, computed by the site from two published counts; undefined where either is unknown or then is 0. */
export function changeBetween(now: Figure | undefined, then: Figure | undefined): number | undefined {
  return now && then && then.value > 0 ? (now.value - then.value) / then.value : undefined;
}

/** A group's national figures from the 2010 and 2000 tables by province. */
export function nationalFigures(provinces2010: GroupTable, provinces2000: GroupTable, code: string): NationalFigures {
  const row2010 = provinces2010.row(NATION, code);
  const population2010 = provinces2010.figure(row2010);
  const population2000 = provinces2000.figure(provinces2000.row(NATION, code));
  const nation2010 = provinces2010.figure(provinces2010.row(NATION, TOTAL));
  const male = provinces2010.figure(row2010, 'male');
  const female = provinces2010.figure(row2010, 'female');
  const residence = RESIDENCE_PARTS.flatMap((label) => {
    const count = provinces2010.figure(provinces2010.row(NATION, code, label));
    return count ? [{ label, count, share: shareOf(count.value, population2010?.value) }] : [];
  });
  return {
    population2010,
    population2000,
    change: changeBetween(population2010, population2000),
    nation2010,
    shareOfNation: shareOf(population2010?.value, nation2010?.value),
    male,
    female,
    sexRatio: male && female && female.value > 0 ? (male.value / female.value) * 100 : undefined,
    residence,
  };
}
