import { z } from 'astro/zod';

/**
 * The reader's reading settings (适老模式 and read-aloud), as public/reading.js keeps them in the
 * browser's localStorage under `lzmz:reading` and applies them to <html> before the first paint.
 * A setting that is absent has not been chosen: the page then follows the reader's system.
 * Embed pages take `text` and `contrast` from their URL too (`?text=large&contrast=high`).
 */
export const readingSettingsSchema = z.object({
  /** Text size: `large` sets body text to at least 20 px (125 % of the browser's size) with charts, tables and maps to match; absent or `normal`: the browser's size. Sets `data-text` on <html>. */
  text: z.enum(['large', 'normal']).optional(),
  /** Contrast: `high` draws every text and meaningful graphic at 7:1 or more (WCAG AAA); absent: high when the system asks for more contrast (prefers-contrast: more); `normal`: never. Sets `data-contrast` on <html>. */
  contrast: z.enum(['high', 'normal']).optional(),
  /** Read-aloud (指读): `on` speaks the text under focus, tap or click with the browser's own speech; absent or `off`: silent. Sets `data-speech` on <html> (never in embeds). */
  speech: z.enum(['on', 'off']).optional(),
});

export type ReadingSettings = z.infer<typeof readingSettingsSchema>;

/** What public/reading.js offers the page's scripts as `window.lzmzReading`. */
export interface ReadingApi {
  /** The stored choices (only known names and values). */
  settings(): ReadingSettings;
  /** Changes some choices; `null` forgets one (the page follows the system again). Applies them and fires `lzmz:reading` on document. */
  update(patch: { [Name in keyof ReadingSettings]?: ReadingSettings[Name] | null }): void;
}
