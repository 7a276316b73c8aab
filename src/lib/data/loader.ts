import type { Loader } from 'astro/loaders';
import { checkDatasets, type CheckReport } from './check.ts';
import { rowsOf } from './dataset.ts';
import { DATA_ROOT } from './paths.ts';
import { formatProblem } from './problems.ts';
import type { SourcedRow } from '../../schemas/rows.ts';

let report: CheckReport | undefined;

/**
 * The data check, run once per build whichever collection asks first. A build from bad
 * data stops here with the same lines `npm run data:check` prints.
 */
function checkedData(): CheckReport {
  report ??= checkDatasets(DATA_ROOT);
  if (report.errors > 0) {
    const lines = [...report.problems, ...report.datasets.flatMap((dataset) => dataset.problems)]
      .filter((problem) => problem.severity === 'error')
      .map(formatProblem);
    throw new Error(`The data check found ${report.errors} errors; run npm run data:check.\n${lines.join('\n')}`);
  }
  return report;
}

/** One entry per dataset: its metadata, where its file is, and how its rows were counted. */
export function datasetsLoader(): Loader {
  return {
    name: 'datasets-loader',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { datasets } = checkedData();
      store.clear();
      for (const dataset of datasets) {
        if (!dataset.meta || !dataset.file) continue;
        const data = await parseData({
          id: dataset.id,
          data: { ...dataset.meta, publishedFile: dataset.file, encoding: dataset.encoding ?? 'utf-8', account: dataset.account },
        });
        store.set({ id: dataset.id, data, digest: generateDigest(data) });
      }
      logger.info(`${datasets.length} datasets`);
    },
  };
}

/**
 * The id of a row entry: `<dataset>/<line>` for a CSV row; for a workbook, where one sheet
 * row holds many records, the cell of its first figure (`<dataset>/K7`, with the part's file
 * before it: `<dataset>/<file>!K7`). The way back to the published file is in the id itself.
 */
export function rowEntryId(row: SourcedRow): string {
  const firstCell = row.sourceCells ? Object.values(row.sourceCells)[0] : undefined;
  if (firstCell === undefined) return `${row.dataset}/${row.sourceLine}`;
  return `${row.dataset}/${row.sourceFile === undefined ? '' : `${row.sourceFile}!`}${firstCell}`;
}

/** One entry per kept row of every dataset, whatever its row schema. */
export function rowsLoader(): Loader {
  return {
    name: 'rows-loader',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { datasets } = checkedData();
      store.clear();
      let count = 0;
      for (const dataset of datasets) {
        for (const row of rowsOf(dataset)) {
          const id = rowEntryId(row);
          const data = await parseData({ id, data: row });
          store.set({ id, data, digest: generateDigest(data) });
          count++;
        }
      }
      logger.info(`${count} rows of ${datasets.length} datasets`);
    },
  };
}

/** One entry per chart declared in data/charts/, after the data check has passed it. */
export function chartsLoader(): Loader {
  return {
    name: 'charts-loader',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { charts } = checkedData();
      store.clear();
      for (const spec of charts) {
        const data = await parseData({ id: spec.id, data: { ...spec } });
        store.set({ id: spec.id, data, digest: generateDigest(data) });
      }
      logger.info(`${charts.length} charts`);
    },
  };
}
