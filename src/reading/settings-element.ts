import type { ReadingApi } from '../schemas/reading.ts';
import { ReadAloud } from './read-aloud.ts';

declare global {
  interface Window {
    /** Set by public/reading.js, the render-blocking script in <head> that applies the settings before the first paint. */
    lzmzReading?: ReadingApi;
  }
}

/**
 * `<reading-settings>`: the 适老模式 switch (large text and high contrast together), the two parts
 * on their own (in a panel behind a disclosure button), and
 * read-aloud, in the header of every page. The choices are kept and applied by
 * public/reading.js (`window.lzmzReading`); this element shows them and changes them. Its words
 * come from the markup (`data-speech-unsupported`, `data-speech-hint`). Without JavaScript the
 * controls stay hidden and the page reads as it is.
 */
class ReadingSettingsElement extends HTMLElement {
  #readAloud: ReadAloud | undefined;

  connectedCallback(): void {
    const api = window.lzmzReading;
    const controls = this.querySelector<HTMLElement>('.reading__controls');
    const mode = this.querySelector<HTMLButtonElement>('button[data-part="mode"]');
    const speech = this.querySelector<HTMLButtonElement>('button[data-part="speech"]');
    const text = this.querySelector<HTMLInputElement>('input[data-part="text"]');
    const contrast = this.querySelector<HTMLInputElement>('input[data-part="contrast"]');
    const note = this.querySelector<HTMLElement>('.reading__note');
    const toggle = this.querySelector<HTMLButtonElement>('.reading__toggle');
    const parts = this.querySelector<HTMLElement>('.reading__parts');
    if (!api || !controls || !mode || !speech || !text || !contrast || !note || !toggle || !parts) return;
    const root = document.documentElement;
    const supported = typeof window.speechSynthesis?.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function';
    if (supported) this.#readAloud ??= new ReadAloud();
    speech.disabled = !supported;

    const render = () => {
      const large = root.dataset['text'] === 'large';
      const high = root.dataset['contrast'] === 'high';
      const speaking = supported && root.dataset['speech'] === 'on';
      mode.setAttribute('aria-pressed', large && high ? 'true' : large || high ? 'mixed' : 'false');
      text.checked = large;
      contrast.checked = high;
      speech.setAttribute('aria-pressed', String(speaking));
      note.textContent = supported ? (speaking ? (this.dataset['speechHint'] ?? '') : '') : (this.dataset['speechUnsupported'] ?? '');
      note.hidden = note.textContent === '';
      if (speaking) this.#readAloud?.start();
      else this.#readAloud?.stop();
    };

    mode.addEventListener('click', () => {
      const on = mode.getAttribute('aria-pressed') !== 'true';
      api.update({ text: on ? 'large' : 'normal', contrast: on ? 'high' : 'normal' });
    });
    text.addEventListener('change', () => api.update({ text: text.checked ? 'large' : 'normal' }));
    contrast.addEventListener('change', () => api.update({ contrast: contrast.checked ? 'high' : 'normal' }));
    speech.addEventListener('click', () => api.update({ speech: root.dataset['speech'] === 'on' ? 'off' : 'on' }));
    const showParts = (open: boolean) => {
      parts.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    };
    toggle.addEventListener('click', () => showParts(parts.hidden));
    // Esc closes the panel from inside it and gives focus back to its button.
    parts.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      showParts(false);
      toggle.focus();
    });
    document.addEventListener('lzmz:reading', render);
    controls.hidden = false;
    render();
  }
}

if (!customElements.get('reading-settings')) customElements.define('reading-settings', ReadingSettingsElement);
