import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { browserMachine, chromiumPath, DEBIAN_CHROMIUM, planBrowser, type BrowserMachine } from '../../src/lib/browser/chromium.ts';

const missing: BrowserMachine = { chromium: DEBIAN_CHROMIUM, chosenByEnv: false, chromiumRuns: false, isRoot: false, hasAptGet: false };

describe('planBrowser', () => {
  test('planBrowser({ chromiumRuns: true }) is ready, whoever runs it', () => {
    expect(planBrowser({ ...missing, chromiumRuns: true })).toEqual({ kind: 'ready' });
    expect(planBrowser({ ...missing, chromiumRuns: true, isRoot: true, hasAptGet: true })).toEqual({ kind: 'ready' });
  });

  test('planBrowser(missing, root, apt-get) installs chromium and fonts-noto-cjk with apt-get', () => {
    expect(planBrowser({ ...missing, isRoot: true, hasAptGet: true })).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'],
      ],
    });
  });

  test('planBrowser(missing, not root, apt-get) stops with the sudo apt-get command to run', () => {
    expect(planBrowser({ ...missing, hasAptGet: true })).toEqual({
      kind: 'stop',
      message: 'Browser tests need Chromium: run "sudo apt-get install -y chromium fonts-noto-cjk" or set CHROMIUM_PATH=/path/to/chromium',
    });
  });

  test('planBrowser(missing, root, no apt-get) stops and asks for CHROMIUM_PATH', () => {
    const plan = planBrowser({ ...missing, isRoot: true });
    expect(plan.kind).toBe('stop');
    expect(plan.kind === 'stop' && plan.message).toBe('Browser tests need Chromium: install it and set CHROMIUM_PATH=/path/to/chromium (on Debian: "sudo apt-get install -y chromium fonts-noto-cjk")');
  });

  test('planBrowser(CHROMIUM_PATH to nothing, root, apt-get) stops rather than install over the chosen path', () => {
    const plan = planBrowser({ ...missing, chromium: '/opt/none/chrome', chosenByEnv: true, isRoot: true, hasAptGet: true });
    expect(plan.kind).toBe('stop');
    expect(plan.kind === 'stop' && plan.message).toMatch(/^Browser tests need Chromium: CHROMIUM_PATH=\/opt\/none\/chrome is not an executable file;/);
  });

  test('every stop message is one line', () => {
    const machines = [missing, { ...missing, hasAptGet: true }, { ...missing, chosenByEnv: true, chromium: '/x' }];
    for (const machine of machines) {
      const plan = planBrowser(machine);
      expect(plan.kind === 'stop' && plan.message.includes('\n')).toBe(false);
    }
  });
});

describe('browserMachine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chromium-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, mode);
    return path;
  };

  test('chromiumPath({}) is Debian\'s /usr/bin/chromium, and CHROMIUM_PATH overrides it', () => {
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome' })).toBe('/opt/chrome');
  });

  test('browserMachine({ CHROMIUM_PATH: executable, PATH: dir with apt-get }) finds both', () => {
    const chromium = file('chromium', 0o755);
    file('apt-get', 0o755);
    const machine = browserMachine({ CHROMIUM_PATH: chromium, PATH: `/nonexistent:${dir}` });
    expect(machine).toMatchObject({ chromium, chosenByEnv: true, chromiumRuns: true, hasAptGet: true });
  });

  test('browserMachine({ CHROMIUM_PATH: file that is not executable, PATH: "" }) finds neither', () => {
    const chromium = file('not-executable', 0o644);
    expect(browserMachine({ CHROMIUM_PATH: chromium, PATH: '' })).toMatchObject({ chromiumRuns: false, hasAptGet: false });
    expect(browserMachine({ CHROMIUM_PATH: dir, PATH: '' }).chromiumRuns).toBe(false);
  });
});
