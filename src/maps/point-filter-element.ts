/**
 * `<lz-point-filter>`: shows the filter form (hidden without JavaScript, when the full list
 * is the view) and hides markers and list items that do not match every chosen value.
 */
class PointFilterElement extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-filters]');
    if (!form) return;
    form.hidden = false;
    form.addEventListener('change', () => {
      const chosen = [...form.querySelectorAll<HTMLSelectElement>('select[data-facet]')].map((select) => [select.dataset['facet'] ?? '', select.value] as const);
      for (const item of this.querySelectorAll<HTMLElement | SVGElement>('[data-point]')) {
        const facets = JSON.parse(item.dataset['facets'] ?? '{}') as Record<string, string>;
        const matches = chosen.every(([facet, value]) => value === '' || facets[facet] === value);
        item.toggleAttribute('hidden', !matches);
        if (item instanceof SVGElement) item.setAttribute('visibility', matches ? 'visible' : 'hidden');
      }
    });
  }
}

if (!customElements.get('lz-point-filter')) customElements.define('lz-point-filter', PointFilterElement);
