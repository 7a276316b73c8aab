import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's package puts Chromium here; CHROMIUM_PATH points the tests at another build. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The Chromium that browser tests and benchmarks launch. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
}

/** Chromium for the browser tests, and Chinese fonts so that pages lay out as readers see them. */
export const APT_INSTALL = ['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'] as const;
const SUDO_APT_INSTALL = 'sudo apt-get install -y chromium fonts-noto-cjk';

/** What `npm test` knows about the machine before the browser tests run. */
export interface BrowserMachine {
  /** The path the tests will launch (CHROMIUM_PATH or Debian's). */
  chromium: string;
  /** Whether CHROMIUM_PATH chose that path, rather than the Debian default. */
  chosenByEnv: boolean;
  /** Whether an executable file is at that path. */
  chromiumRuns: boolean;
  /** Whether this process runs as root (so apt-get needs no sudo). */
  isRoot: boolean;
  /** Whether apt-get is on PATH (Debian and its derivatives). */
  hasAptGet: boolean;
}

export type BrowserPlan =
  | { kind: 'ready' }
  /** Run these commands in turn, then look again. */
  | { kind: 'install'; commands: string[][] }
  /** Stop before building: one line saying what to run. */
  | { kind: 'stop'; message: string };

/**
 * What to do when the browser tests are about to run. Installs only where that cannot go
 * wrong quietly: as root with apt-get, and never over a CHROMIUM_PATH the user set.
 */
export function planBrowser(machine: BrowserMachine): BrowserPlan {
  if (machine.chromiumRuns) return { kind: 'ready' };
  if (machine.chosenByEnv) {
    return { kind: 'stop', message: `Browser tests need Chromium: CHROMIUM_PATH=${machine.chromium} is not an executable file; point it at one, or unset it and run "${SUDO_APT_INSTALL}"` };
  }
  if (machine.isRoot && machine.hasAptGet) return { kind: 'install', commands: [['apt-get', 'update', '-qq'], [...APT_INSTALL]] };
  if (machine.hasAptGet) return { kind: 'stop', message: `Browser tests need Chromium: run "${SUDO_APT_INSTALL}" or set CHROMIUM_PATH=/path/to/chromium` };
  return { kind: 'stop', message: `Browser tests need Chromium: install it and set CHROMIUM_PATH=/path/to/chromium (on Debian: "${SUDO_APT_INSTALL}")` };
}

/** Looks at this machine: where Chromium should be, whether it is there, and whether apt-get can bring it. */
export function browserMachine(env: NodeJS.ProcessEnv = process.env): BrowserMachine {
  const chromium = chromiumPath(env);
  return {
    chromium,
    chosenByEnv: Boolean(env.CHROMIUM_PATH),
    chromiumRuns: isExecutableFile(chromium),
    isRoot: process.getuid?.() === 0,
    hasAptGet: (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutableFile(join(dir, 'apt-get'))),
  };
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
