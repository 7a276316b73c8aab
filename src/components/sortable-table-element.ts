/**
 * <sortable-table>: sorts the rows of the table inside it by a column. Without this
 * script the table is plain and complete; with it each column header becomes a button
 * and the sorted column carries aria-sort. Numeric cells carry `data-value`; missing
 * cells (`data-missing`) always sort last.
 */
type Direction = 'ascending' | 'descending';
const collator = new Intl.Collator('zh-CN', { numeric: true });
const icons: Record<Direction | 'none', string> = { ascending: '▲', descending: '▼', none: '↕' };

class SortableTable extends HTMLElement {
  connectedCallback() {
    const table = this.querySelector('table');
    const body = table?.tBodies[0];
    const headers = [...(table?.tHead?.rows[0]?.cells ?? [])];
    if (!table || !body || headers.length === 0 || this.dataset.ready) return;
    this.dataset.ready = 'true';
    const status = this.querySelector<HTMLElement>('[role="status"]');
    this.querySelector<HTMLElement>('.sort-hint')?.removeAttribute('hidden');
    headers.forEach((header, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...header.childNodes);
      const icon = document.createElement('span');
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      header.append(button);
      button.addEventListener('click', () => {
        const direction: Direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        this.sort(body, index, direction);
        for (const other of headers) {
          other.removeAttribute('aria-sort');
          this.setIcon(other, 'none');
        }
        header.setAttribute('aria-sort', direction);
        this.setIcon(header, direction);
        const label = button.textContent?.replace(/[▲▼↕]/g, '').trim() ?? '';
        const template = direction === 'ascending' ? this.dataset.sortedAscending : this.dataset.sortedDescending;
        if (status && template) status.textContent = template.replace('{column}', label);
      });
    });
    // Rows start in file order, which is ascending by the first column (the line number).
    headers.forEach((header, index) => this.setIcon(header, index === 0 ? 'ascending' : 'none'));
    headers[0]?.setAttribute('aria-sort', 'ascending');
  }

  private setIcon(header: HTMLTableCellElement, direction: Direction | 'none') {
    const icon = header.querySelector('.sort-icon');
    if (icon) icon.textContent = icons[direction];
  }

  private sort(body: HTMLTableSectionElement, index: number, direction: Direction) {
    const sign = direction === 'ascending' ? 1 : -1;
    const keyed = [...body.rows].map((row) => {
      const cell = row.cells[index];
      const value = cell?.dataset.value;
      return { row, missing: cell?.hasAttribute('data-missing') ?? true, number: value === undefined ? undefined : Number(value), text: cell?.textContent?.trim() ?? '' };
    });
    keyed.sort((a, b) => {
      if (a.missing !== b.missing) return a.missing ? 1 : -1;
      if (a.number !== undefined && b.number !== undefined) return sign * (a.number - b.number);
      return sign * collator.compare(a.text, b.text);
    });
    body.append(...keyed.map((entry) => entry.row));
  }
}

if (!customElements.get('sortable-table')) customElements.define('sortable-table', SortableTable);

export {};
