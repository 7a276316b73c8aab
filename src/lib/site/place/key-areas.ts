import { readFileSync } from 'node:fs';
import { DATA_ROOT } from '../../data/paths.ts';

/** Communities and villages the 2017 work report names, by the county-level unit they are in. */
export const keyAreas: Readonly<Record<string, readonly { name: string; match: string }[]>> = {
  '620102': [
    { name: '桥门社区', match: '桥门社区' },
    { name: '排洪沟社区', match: '排洪沟社区' },
  ],
  '620103': [{ name: '华林山社区', match: '华林山社区' }],
  '620171': [{ name: '龙西民族村（秦川镇）', match: '龙西' }],
};

export const WORK_REPORT_FILE = `${DATA_ROOT}/lanzhou-work-report-2017/lanzhou-ethnic-work-report-2017-03-22.txt`;

export interface ReportQuote {
  /** Line of the report file. */
  line: number;
  /** The report's sentence, verbatim, ending in 。. */
  sentence: string;
}

/** Every sentence of the report (split at 。) that contains `match`, verbatim, with its line. */
export function reportSentences(text: string, match: string): ReportQuote[] {
  return text.split('\n').flatMap((line, index) =>
    line
      .split(/(?<=。)/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.includes(match))
      .map((sentence) => ({ line: index + 1, sentence })),
  );
}

/** What the work report says about each key area of a unit, in its own words. */
export function keyAreaQuotes(adcode: string, reportPath = WORK_REPORT_FILE): { name: string; quotes: ReportQuote[] }[] {
  const areas = keyAreas[adcode];
  if (!areas) return [];
  const text = readFileSync(reportPath, 'utf8');
  return areas.map((area) => {
    const quotes = reportSentences(text, area.match);
    if (quotes.length === 0) throw new Error(`the work report no longer mentions ${area.name} (${reportPath})`);
    return { name: area.name, quotes };
  });
}

/** The key areas of a unit and the report's sentences about them, each sentence once, in report order. */
export function keyAreaReport(adcode: string, reportPath = WORK_REPORT_FILE): { names: string[]; quotes: ReportQuote[] } {
  const areas = keyAreaQuotes(adcode, reportPath);
  const unique = new Map(areas.flatMap((area) => area.quotes).map((quote) => [`${quote.line}:${quote.sentence}`, quote]));
  return { names: areas.map((area) => area.name), quotes: [...unique.values()].sort((a, b) => a.line - b.line) };
}
