const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral as used in article and chapter numbers:
 * `十` → 10, `十一` → 11, `一百零五` → 105, `一百四十三` → 143. Returns undefined for
 * anything else, so a malformed number is reported rather than read as 0.
 */
export function parseChineseNumeral(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const char of numeral) {
    const value = DIGITS[char];
    if (value !== undefined) {
      if (digit !== undefined && digit !== 0) return undefined;
      digit = value;
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined;
    // 十 at the start means 一十 (十一 = 11); elsewhere a unit needs its digit (一百十 is not written).
    if (digit === undefined && (total !== 0 || unit !== 10)) return undefined;
    total += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
  }
  return total + (digit ?? 0);
}
