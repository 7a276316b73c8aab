import { formatProblem, type Problem } from '../schemas/problem.ts';
import type { BoundaryFeature } from './topology.ts';

/** A data row reduced to what a map needs: its adcode, its line in the published file, its value. */
export interface MapRecord<T> {
  adcode: string;
  sourceLine: number;
  value: T;
}

/** A boundary polygon with the data row that shares its adcode, if any. */
export interface JoinedRegion<T> {
  feature: BoundaryFeature;
  record: MapRecord<T> | undefined;
}

export interface JoinOptions {
  /** The published file the records come from, as `npm run data:check` names it. */
  file: string;
  /** Adcodes the dataset's metadata declares to have no polygon (`unmatchedAdcodes`). */
  knownUnmatched?: ReadonlySet<string>;
}

/** Thrown when a data row has no polygon: the map would silently lose a unit. */
export class MapJoinError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`${problems.length} data rows have no boundary polygon:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'MapJoinError';
    this.problems = problems;
  }
}

/**
 * Joins rows to polygons by adcode. Every polygon is kept (one without a row is drawn as
 * "no data"); every row must find a polygon unless the metadata lists its adcode as known
 * to have none. Two rows with one adcode are an error too, since one region can show one value.
 */
export function joinByAdcode<T>(features: readonly BoundaryFeature[], records: readonly MapRecord<T>[], options: JoinOptions): JoinedRegion<T>[] {
  const byCode = new Map<string, MapRecord<T>>();
  const problems: Problem[] = [];
  const codes = new Set(features.map((item) => item.code));
  for (const record of records) {
    const where = { file: options.file, line: record.sourceLine, column: 1, severity: 'error' as const };
    if (byCode.has(record.adcode)) {
      problems.push({ ...where, message: `adcode ${record.adcode} appears twice in the map's rows`, found: record.adcode, hint: `first on line ${byCode.get(record.adcode)?.sourceLine}` });
      continue;
    }
    byCode.set(record.adcode, record);
    if (!codes.has(record.adcode) && !options.knownUnmatched?.has(record.adcode)) {
      problems.push({
        ...where,
        message: 'adcode has no polygon in the map\'s boundary layer',
        expected: 'an adcode of the boundary file',
        found: record.adcode,
        hint: 'check the code, or list it under unmatchedAdcodes in dataset.yaml with the reason',
      });
    }
  }
  if (problems.length > 0) throw new MapJoinError(problems);
  return features.map((item) => ({ feature: item, record: byCode.get(item.code) }));
}
