/** Maps character offsets in a text to 1-based line and column. */
export class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    if (!text.includes('\r')) {
      // The common case, with the native search: an order of magnitude faster than a loop.
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.#starts.push(i + 1);
      else if (code === 13 && text.charCodeAt(i + 1) !== 10) this.#starts.push(i + 1);
    }
  }

  /** Number of lines (a final line break starts one more, empty line). */
  get count(): number {
    return this.#starts.length;
  }

  /** Offset where 1-based `line` starts. */
  startOf(line: number): number {
    return this.#starts[line - 1] ?? Number.NaN;
  }

  /** 1-based line of `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line, column: offset - (this.#starts[line - 1] ?? 0) + 1 };
  }
}
