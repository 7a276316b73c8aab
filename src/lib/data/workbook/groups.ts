import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { z } from 'astro/zod';
import { ethnicGroupLabelSchema, ethnicGroupSchema, type EthnicGroup, type EthnicGroupLabel } from '../../../schemas/ethnic-group.ts';
import { foldName } from './labels.ts';

/**
 * Ethnic groups by GB/T 3304-1991 code, and the matcher from a printed label (`蒙 古 族`,
 * `柯尔柯孜族`) to a group. The tables live in data/reference/; their sources are in its README.
 */

export const GROUPS_FILE = 'ethnic-groups-gbt3304.csv';
export const GROUP_LABELS_FILE = 'ethnic-group-labels.csv';

export interface GroupTables {
  groups: EthnicGroup[];
  labels: EthnicGroupLabel[];
}

/** Rows of a small CSV checked against a schema; a bad row throws with its line. */
export function parseTable<T>(text: string, schema: z.ZodType<T>, name: string): T[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${name}: CSV: ${parsed.errors[0]?.message ?? 'unreadable'} (row ${parsed.errors[0]?.row ?? '?'})`);
  return parsed.data.map((row, index) => {
    const result = schema.safeParse(row);
    if (!result.success) throw new Error(`${name}:${index + 2}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    return result.data;
  });
}

/** Reads both tables from a folder (data/reference). */
export function loadGroupTables(dir: string): GroupTables {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const groups = parseTable(read(GROUPS_FILE), ethnicGroupSchema, GROUPS_FILE);
  const labels = parseTable(read(GROUP_LABELS_FILE), ethnicGroupLabelSchema, GROUP_LABELS_FILE);
  const codes = new Set(groups.map((group) => group.code));
  if (codes.size !== groups.length) throw new Error(`${GROUPS_FILE}: a code appears twice`);
  for (const label of labels) {
    if (!codes.has(label.code)) throw new Error(`${GROUP_LABELS_FILE}: ${label.label} names code ${label.code}, which ${GROUPS_FILE} does not have`);
  }
  return { groups, labels };
}

/** The group's URL segment: its romanization, lower-cased (`dongxiang`). */
export function groupSlug(group: EthnicGroup): string {
  return group.romanization.toLowerCase();
}

/** How a printed label found its group, for the survey and for tests. */
export interface GroupMatch {
  group: EthnicGroup;
  /** `name`: the standard's name once folded; `label`: a spelling listed in ethnic-group-labels.csv. */
  by: 'name' | 'label';
}

export type GroupMatcher = (label: string) => GroupMatch | undefined;

/** A matcher from printed labels to groups: folded standard names first, then the listed spellings. */
export function groupMatcher(tables: GroupTables): GroupMatcher {
  const byName = new Map<string, GroupMatch>();
  for (const group of tables.groups) byName.set(foldName(group.name), { group, by: 'name' });
  const byCode = new Map(tables.groups.map((group) => [group.code, group]));
  for (const entry of tables.labels) {
    const group = byCode.get(entry.code);
    if (group && !byName.has(foldName(entry.label))) byName.set(foldName(entry.label), { group, by: 'label' });
  }
  return (label) => byName.get(foldName(label));
}
