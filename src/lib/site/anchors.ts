/**
 * The id of a dataset row's table row, for links to a single figure: rows with a `figure`
 * key get `figure-<figure>` (e.g. /data/lanzhou-work-report-2017/#figure-halal-meat-subsidy-total-2016).
 */
export function rowAnchor(values: Readonly<Record<string, unknown>>): string | undefined {
  const figure = values.figure;
  return typeof figure === 'string' && figure !== '' ? `figure-${figure}` : undefined;
}
