import { t } from '../i18n/ui.ts';
import { formatCell, formatInteger, formatShare } from '../i18n/format.ts';
import { isMissing, numberOf } from '../schemas/cell.ts';
import type { ClassMethod, Measure } from '../schemas/map.ts';

/**
 * Units whose area changed between the 2010 and the 2020 census, so that their two shares
 * describe different places (see the caveats of gansu-population-2010-2020). The change
 * map shows them as "no data" with this reason, never as a number.
 */
export const boundaryChanged: Readonly<Record<string, string>> = {
  '620171': t('map.boundaryChanged.620171'),
  '620121': t('map.boundaryChanged.620121'),
  '620122': t('map.boundaryChanged.620122'),
  '620881': t('map.boundaryChanged.620881'),
};


const missingReason = (cell: unknown): { reason: string } => ({
  reason: isMissing(cell) ? (cell.marker === '' ? t('map.reason.blank') : t('map.reason.marker', { marker: cell.marker })) : t('map.reason.absent'),
});

/**
 * A column's name for readers: the published header, or, where the header is a code such
 * as `registered_pop_2010`, the first clause of the column's meaning.
 */
export function columnLabel(column: { source: string; meaning: string }): string {
  const header = column.source.replace(/\s+/g, '');
  return /^[\x20-\x7e]+$/.test(header) ? (column.meaning.split(/[；;（(]/)[0] ?? header).trim() : header;
}

/** A published numeric column as a measure. */
export function columnMeasure(column: { key: string; source: string; type: string; unit?: string | undefined; meaning: string }, classes: ClassMethod = 'quantile'): Measure {
  const label = columnLabel(column);
  const unit = column.type === 'percent' || column.type === 'permille' ? '' : (column.unit ?? '');
  return {
    key: column.key,
    label,
    shortLabel: label,
    unit,
    classMethod: classes,
    value: (row) => numberOf(row[column.key]) ?? missingReason(row[column.key]),
    format: (value) => `${formatCell(value, column.type)}${unit === '' ? '' : ` ${unit}`}`,
    rankLabel: t('map.measure.column.rank', { label }),
  };
}

/** 少数民族人口比重 2020 from a row with `share2020` under `key`. */
export function minorityShareMeasure(key: 'minorityShare2020' | 'minorityShare'): Measure {
  return {
    key: 'minority-share-2020',
    label: t('map.measure.share.label'),
    shortLabel: t('map.measure.share.short'),
    unit: '',
    classMethod: 'quantile',
    value: (row) => numberOf(row[key]) ?? missingReason(row[key]),
    format: (value) => formatShare(value),
    rankLabel: t('map.measure.share.rank'),
  };
}

/** 常住人口 2020. */
export function populationMeasure(key: 'population2020' | 'population'): Measure {
  return {
    key: 'population-2020',
    label: t('map.measure.population.label'),
    shortLabel: t('map.measure.population.short'),
    unit: t('unit.person'),
    classMethod: 'quantile',
    value: (row) => numberOf(row[key]) ?? missingReason(row[key]),
    format: (value) => t('unit.persons', { count: formatInteger(value) }),
    rankLabel: t('map.measure.population.rank'),
  };
}

/** Percentage points, signed: +0.81 or −0.35 个百分点. */
export function formatPoints(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${Math.abs(rounded).toFixed(2)} ${t('unit.points')}`;
}

/**
 * Change in minority share 2010 → 2020, in percentage points: (share 2020 − share 2010) × 100,
 * both as published to 0.01 %. No value for units whose boundaries changed.
 */
export const minorityShareChange: Measure = {
  key: 'minority-share-change-2010-2020',
  label: t('map.measure.change.label'),
  shortLabel: t('map.measure.change.short'),
  unit: t('unit.points'),
  classMethod: 'quantile-diverging',
  value: (row, adcode) => {
    const changed = boundaryChanged[adcode];
    if (changed !== undefined) return { reason: changed };
    const now = numberOf(row['minorityShare2020']);
    const then = numberOf(row['minorityShare2010']);
    if (now === undefined) return missingReason(row['minorityShare2020']);
    if (then === undefined) return { reason: t('map.reason.no2010') };
    return Math.round((now - then) * 10000) / 100;
  },
  format: formatPoints,
  derivation: t('map.measure.change.derivation'),
  rankLabel: t('map.measure.change.rank'),
};
