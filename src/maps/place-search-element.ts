import { fill } from '../i18n/fill.ts';

/**
 * `<lz-place-search>`: search-as-you-type over the places index. Without JavaScript the
 * page is the full list; with it, a search box appears and narrows the list by name.
 * A prefecture stays visible while any of its counties matches. The status line's words come
 * from the markup (`data-template-*`), so the dictionary stays on the server.
 */
class PlaceSearchElement extends HTMLElement {
  connectedCallback(): void {
    const box = this.querySelector<HTMLElement>('[data-search]');
    const input = box?.querySelector('input');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!box || !input || !status) return;
    box.hidden = false;
    const count = Number(this.dataset['count']);
    input.addEventListener('input', () => {
      const query = input.value.trim();
      let shown = 0;
      for (const group of this.querySelectorAll<HTMLElement>('[data-group]')) {
        const heading = group.querySelector<HTMLElement>('h2 [data-place]');
        const headingMatches = query === '' || (heading?.dataset['place'] ?? '').includes(query);
        let countiesShown = 0;
        for (const item of group.querySelectorAll<HTMLElement>('li[data-place]')) {
          const matches = query === '' || (item.dataset['place'] ?? '').includes(query);
          item.hidden = !matches;
          if (matches) countiesShown++;
        }
        group.hidden = !headingMatches && countiesShown === 0;
        shown += countiesShown + (headingMatches ? 1 : 0);
      }
      const template = query === '' ? this.dataset['templateAll'] : shown === 0 ? this.dataset['templateNone'] : this.dataset['templateShown'];
      status.textContent = fill(template ?? '', { count, shown, query });
    });
  }
}

if (!customElements.get('lz-place-search')) customElements.define('lz-place-search', PlaceSearchElement);
