import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { readingSettingsSchema, type ReadingApi } from '../../src/schemas/reading.ts';

const SOURCE = readFileSync('public/reading.js', 'utf8');

interface Page {
  attributes: Map<string, string>;
  storage: Map<string, string>;
  api: ReadingApi;
  events: string[];
}

/**
 * Runs public/reading.js as a browser would, against a stand-in <html> (its attributes), localStorage,
 * matchMedia (the queries in `media` match) and location.
 */
function load(options: { stored?: string; media?: string[]; search?: string; embed?: boolean; storageBlocked?: boolean } = {}): Page {
  const attributes = new Map<string, string>();
  const storage = new Map<string, string>(options.stored === undefined ? [] : [['lzmz:reading', options.stored]]);
  const events: string[] = [];
  const blocked = () => {
    throw new Error('SecurityError: storage is blocked');
  };
  const window: Record<string, unknown> = {
    document: {
      documentElement: {
        classList: { contains: (name: string) => name === 'embed' && options.embed === true },
        setAttribute: (name: string, value: string) => attributes.set(name, value),
        removeAttribute: (name: string) => attributes.delete(name),
      },
      dispatchEvent: (event: { type: string }) => events.push(event.type),
    },
    localStorage: options.storageBlocked
      ? { getItem: blocked, setItem: blocked }
      : { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => storage.set(key, value) },
    matchMedia: (query: string) => ({ matches: (options.media ?? []).includes(query), addEventListener: () => undefined }),
    location: { search: options.search ?? '' },
    URLSearchParams,
    CustomEvent: class {
      readonly type: string;
      constructor(type: string) {
        this.type = type;
      }
    },
    addEventListener: () => undefined,
  };
  window['window'] = window;
  runInNewContext(SOURCE, window);
  return { attributes, storage, api: window['lzmzReading'] as ReadingApi, events };
}

const attributesOf = (page: Page) => Object.fromEntries(page.attributes);

describe('public/reading.js before the first paint', () => {
  test('with nothing stored and no system preference, it sets no attribute', () => {
    expect(attributesOf(load())).toEqual({});
  });

  test('stored {text: large, contrast: high, speech: on} sets data-text, data-contrast, data-motion and data-speech', () => {
    const page = load({ stored: JSON.stringify({ text: 'large', contrast: 'high', speech: 'on' }) });
    expect(attributesOf(page)).toEqual({ 'data-text': 'large', 'data-contrast': 'high', 'data-motion': 'reduce', 'data-speech': 'on' });
  });

  test('prefers-contrast: more turns high contrast on when the reader has not chosen', () => {
    expect(attributesOf(load({ media: ['(prefers-contrast: more)'] }))).toEqual({ 'data-contrast': 'high', 'data-motion': 'reduce' });
  });

  test("a reader's contrast: normal wins over prefers-contrast: more", () => {
    expect(attributesOf(load({ stored: '{"contrast":"normal"}', media: ['(prefers-contrast: more)'] }))).toEqual({});
  });

  test('prefers-reduced-motion: reduce sets data-motion alone', () => {
    expect(attributesOf(load({ media: ['(prefers-reduced-motion: reduce)'] }))).toEqual({ 'data-motion': 'reduce' });
  });

  test('unknown names, unknown values and broken JSON in storage are ignored', () => {
    expect(attributesOf(load({ stored: '{"text":"huge","contrast":1,"colour":"red"}' }))).toEqual({});
    expect(attributesOf(load({ stored: '{not json' }))).toEqual({});
    expect(attributesOf(load({ stored: 'null' }))).toEqual({});
  });

  test('an embed takes ?text=large&contrast=high&theme=dark from its URL, and never turns read-aloud on', () => {
    const page = load({ embed: true, search: '?text=large&contrast=high&theme=dark', stored: '{"speech":"on"}' });
    expect(attributesOf(page)).toEqual({ 'data-text': 'large', 'data-contrast': 'high', 'data-motion': 'reduce', 'data-theme': 'dark' });
  });

  test("an embed's ?contrast=normal wins over the stored choice; a page that is not an embed ignores its URL", () => {
    expect(attributesOf(load({ embed: true, search: '?contrast=normal', stored: '{"contrast":"high"}' }))).toEqual({});
    expect(attributesOf(load({ search: '?text=large&theme=dark' }))).toEqual({});
  });
});

describe('window.lzmzReading', () => {
  test('update({ text: large }) stores the choice as the schema reads it, applies it and fires lzmz:reading', () => {
    const page = load();
    page.api.update({ text: 'large' });
    expect(readingSettingsSchema.parse(JSON.parse(page.storage.get('lzmz:reading') ?? ''))).toEqual({ text: 'large' });
    expect(page.attributes.get('data-text')).toBe('large');
    expect(page.events).toEqual(['lzmz:reading']);
  });

  test('update({ contrast: null }) forgets the choice, so the system preference applies again', () => {
    const page = load({ stored: '{"contrast":"normal","text":"large"}', media: ['(prefers-contrast: more)'] });
    expect(page.attributes.has('data-contrast')).toBe(false);
    page.api.update({ contrast: null });
    expect(page.api.settings()).toEqual({ text: 'large' });
    expect(page.attributes.get('data-contrast')).toBe('high');
  });

  test('with storage blocked, a choice still holds for the page', () => {
    const page = load({ storageBlocked: true });
    page.api.update({ text: 'large', contrast: 'high' });
    expect(page.api.settings()).toEqual({ text: 'large', contrast: 'high' });
    expect(page.attributes.get('data-contrast')).toBe('high');
  });
});
