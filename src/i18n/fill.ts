/**
 * `template` with each `{name}` replaced by `values[name]`; a name without a value stays as
 * written. It holds no strings, so browser code can import it without the dictionary.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : String(value);
  });
}
