import { strToU8, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the zip (UTF-8; fflate sets the UTF-8 flag for non-ASCII names). */
  name: string;
  data: string | Uint8Array;
}

/**
 * The timestamp every entry carries: noon of `date` (YYYY-MM-DD), built from local-time
 * fields because zip stores local time and fflate reads the local fields back, so the
 * bytes are the same in every time zone.
 */
export function zipTimestamp(date: string): Date {
  const [year = 1980, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(year, month - 1, day, 12, 0, 0);
}

/**
 * A zip of `entries` in the given order, deflated, with one fixed timestamp: the same input
 * gives the same bytes on every build.
 */
export function toZip(entries: readonly ZipEntry[], date: string): Uint8Array {
  const mtime = zipTimestamp(date);
  const files: Zippable = {};
  for (const entry of entries) {
    if (Object.hasOwn(files, entry.name)) throw new Error(`toZip: ${entry.name} appears twice`);
    files[entry.name] = [typeof entry.data === 'string' ? strToU8(entry.data) : entry.data, { mtime, level: 6 }];
  }
  return zipSync(files, { mtime });
}
