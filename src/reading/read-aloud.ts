import { readableOf, speechOf } from './speech-text.ts';
import { cellBeside, type Direction } from './table-cells.ts';

const ARROWS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] satisfies Direction[];

/**
 * Read-aloud (指读): while started, the text under focus or under a tap or click is spoken with
 * the browser's own speechSynthesis, in a Chinese voice where the system has one; each new text
 * cancels the one before. What is being read is marked `data-reading` (outlined by
 * src/styles/reading.css). In a table the arrow keys move from cell to cell, each read with its
 * headers. Nothing leaves the browser.
 */
export class ReadAloud {
  #started = false;
  #reading: Element | undefined;
  #voice: SpeechSynthesisVoice | undefined;

  readonly #onFocus = (event: FocusEvent) => this.#read(event.target);
  // A click from the keyboard (detail 0) follows a focus that was already read.
  readonly #onClick = (event: MouseEvent) => {
    if (event.detail > 0) this.#read(event.target);
  };
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.#stopSpeaking();
    if (!ARROWS.includes(event.key) || !(event.target instanceof Element)) return;
    const from = event.target.matches('.table-scroll') ? event.target.querySelector('table')?.rows[0]?.cells[0] : event.target.closest('td, th');
    if (!(from instanceof HTMLTableCellElement)) return;
    const next = event.target.matches('.table-scroll') ? from : cellBeside(from, event.key as Direction);
    event.preventDefault();
    if (!next) return;
    next.tabIndex = -1;
    next.focus();
  };
  readonly #onVoices = () => {
    const voices = speechSynthesis.getVoices();
    this.#voice = voices.find((voice) => /^zh[-_]CN$/i.test(voice.lang)) ?? voices.find((voice) => voice.lang.toLowerCase().startsWith('zh'));
  };

  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#onVoices();
    speechSynthesis.addEventListener('voiceschanged', this.#onVoices);
    document.addEventListener('focusin', this.#onFocus);
    document.addEventListener('click', this.#onClick);
    document.addEventListener('keydown', this.#onKey);
  }

  stop(): void {
    if (!this.#started) return;
    this.#started = false;
    speechSynthesis.removeEventListener('voiceschanged', this.#onVoices);
    document.removeEventListener('focusin', this.#onFocus);
    document.removeEventListener('click', this.#onClick);
    document.removeEventListener('keydown', this.#onKey);
    this.#stopSpeaking();
  }

  #read(target: EventTarget | null): void {
    const element = readableOf(target);
    const text = element ? speechOf(element) : '';
    if (!element || !text) return;
    this.#stopSpeaking();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = this.#voice?.lang ?? 'zh-CN';
    if (this.#voice) utterance.voice = this.#voice;
    // A little slower than the default, for listeners who are not used to synthetic speech.
    utterance.rate = 0.9;
    utterance.addEventListener('end', () => this.#unmark(element));
    this.#reading = element;
    element.setAttribute('data-reading', '');
    speechSynthesis.speak(utterance);
  }

  #stopSpeaking(): void {
    speechSynthesis.cancel();
    if (this.#reading) this.#unmark(this.#reading);
  }

  #unmark(element: Element): void {
    element.removeAttribute('data-reading');
    if (this.#reading === element) this.#reading = undefined;
  }
}
