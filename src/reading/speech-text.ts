import { cellSpeech, spokenText } from './table-cells.ts';

/** Blocks of text read whole when tapped or focused. */
const BLOCKS = 'p, li, dt, dd, h1, h2, h3, h4, h5, h6, figcaption, caption, blockquote, summary, label, legend, pre, button, a';

/**
 * The element read aloud for an event's target: a map region (its name and value are in its
 * label), a chart mark or anything else focusable with a label, a table cell, a table's scrolling
 * frame (its caption), a chart, or the nearest block of text. Undefined when there is nothing to read.
 */
export function readableOf(target: EventTarget | null): Element | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest('.map-regions > *, [tabindex][aria-label], td, th, .table-scroll, svg.chart') ?? target.closest(BLOCKS) ?? undefined;
}

/** The words for an element chosen by readableOf. */
export function speechOf(element: Element): string {
  if (element instanceof HTMLTableCellElement) return cellSpeech(element);
  const label = element.getAttribute('aria-label');
  if (label) return label;
  if (element.matches('.table-scroll')) return spokenText(element.querySelector('caption') ?? element);
  if (element.matches('svg.chart')) return [...element.querySelectorAll(':scope > title, :scope > desc')].map(spokenText).join('。');
  return spokenText(element);
}
