/**
 * How far below the middle of a line of text its baseline sits, as a share of the font
 * size: SVG sets text on its baseline, and CJK characters and digits centre about here.
 */
const BASELINE_SHIFT = 0.35;

/** The y at which to set a text so that it is centred vertically on `middle`. */
export function centredBaseline(middle: number, fontSize: number): number {
  return middle + fontSize * BASELINE_SHIFT;
}
