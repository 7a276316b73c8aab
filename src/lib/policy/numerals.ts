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

const NUMERAL_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const NUMERAL_UNITS = [
  { value: 1000, char: '千' },
  { value: 100, char: '百' },
  { value: 10, char: '十' },
];

/**
 * 1–9999 as article and chapter numbers are printed (the inverse of parseChineseNumeral):
 * 10 → 十, 11 → 十一, 105 → 一百零五, 110 → 一百一十, 1010 → 一千零一十.
 */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) throw new RangeError(`no Chinese numeral for ${value} (1–9999 only)`);
  let text = '';
  let rest = value;
  let zeroPending = false;
  for (const unit of NUMERAL_UNITS) {
    const digit = Math.floor(rest / unit.value);
    rest %= unit.value;
    if (digit === 0) {
      zeroPending = text !== '';
      continue;
    }
    if (zeroPending) text += '零';
    zeroPending = false;
    // A leading 一十 is written 十 (十一 = 11); after a higher unit it keeps its 一 (一百一十).
    text += (unit.value === 10 && digit === 1 && text === '' ? '' : NUMERAL_DIGITS[digit]) + unit.char;
  }
  if (rest > 0) text += (zeroPending ? '零' : '') + NUMERAL_DIGITS[rest];
  return text;
}
