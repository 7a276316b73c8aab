import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cpuSeconds, peakBytes, withCpuTime, writeCpuTimeShim } from './cpu.ts';
import { fastest, fastestKnown } from './format.ts';
import { buildPhases, type BuildPhases } from './phases.ts';
import { folderStats, runTimed, type FolderStats, type TimedRun } from './measure.ts';

/**
 * The two builds the build benchmarks compare, run one at a time in a temporary folder:
 * the whole site (scripts/build.ts from another data folder) and a bare Astro project
 * (src/lib/bench/bare-astro.ts). Each is timed, and stopped with everything it started if
 * the benchmark is interrupted.
 */

export interface SiteRun {
  /** Wall time of scripts/build.ts, and of its phases as it announces them: start and data check, astro build, search index and sitemap. */
  total: number;
  check: number;
  astro: number;
  searchAndSitemap: number;
  /**
   * CPU time (user + system) of its `astro build`; undefined without GNU time. Not of the whole
   * build: Pagefind's binary is killed, not waited for, so its CPU time is counted nowhere.
   */
  cpuAstro: number | undefined;
  /** CPU time of the whole build (scripts/build.ts and the astro build it waits for; not Pagefind's binary); undefined without GNU time. */
  cpu: number | undefined;
  /** CPU time of every process of the build, Pagefind's binary included, sampled from /proc; undefined off Linux. */
  groupCpu: number | undefined;
  /** Peak resident memory of the build's largest process (Node or Astro); undefined without GNU time. */
  peak: number | undefined;
  /** What its log says each phase took. */
  phases: BuildPhases;
  dist: FolderStats;
}

/** The best of the runs for each number; the phases and folder stats of the fastest run. */
export function bestSiteRun(runs: readonly SiteRun[]): SiteRun {
  const fastestRun = runs.toSorted((a, b) => a.total - b.total)[0];
  if (!fastestRun) throw new Error('no runs');
  return {
    ...fastestRun,
    check: fastestKnown(runs.map((run) => run.check)),
    astro: fastestKnown(runs.map((run) => run.astro)),
    searchAndSitemap: fastestKnown(runs.map((run) => run.searchAndSitemap)),
    cpuAstro: fastest(runs.map((run) => run.cpuAstro)),
    cpu: fastest(runs.map((run) => run.cpu)),
    groupCpu: fastest(runs.map((run) => run.groupCpu)),
    peak: fastest(runs.map((run) => run.peak)),
  };
}

export interface BareRun {
  total: number;
  cpu: number | undefined;
  /** CPU time of every process of the build, sampled from /proc; undefined off Linux. */
  groupCpu: number | undefined;
  peak: number | undefined;
  dist: FolderStats;
}

const STAGING_LINE = /directory: (.*\/\.build-tmp\/\d+)\/dist\/?$/;

export class BenchBuilds {
  readonly #root: string;
  readonly #shims: string;
  readonly #astro: string;
  /** The build running now: its process group, and the staging folder scripts/build.ts reported (it removes it itself unless killed). */
  #running: { pid: number; staging?: string } | undefined;

  /** `root`: the project; `work`: a temp folder for the shims (scripts/build.ts starts astro by name, so a shim first on PATH times its astro build alone). */
  constructor(root: string, work: string) {
    this.#root = root;
    this.#astro = join(root, 'node_modules/astro/bin/astro.mjs');
    this.#shims = join(work, 'bin');
    writeCpuTimeShim(this.#shims, 'astro', 'astro', process.execPath, [this.#astro]);
  }

  /** Stops the build running now, if any, and removes its staging folder. */
  stop(): void {
    if (!this.#running) return;
    try {
      process.kill(-this.#running.pid, 'SIGTERM');
    } catch {
      // The group has already exited.
    }
    if (this.#running.staging) rmSync(this.#running.staging, { recursive: true, force: true });
    this.#running = undefined;
  }

  async #run(command: string, args: readonly string[], options: Omit<Parameters<typeof runTimed>[2], 'onStart' | 'onLine'>): Promise<TimedRun> {
    try {
      const run = await runTimed(command, args, {
        ...options,
        onStart: (pid) => (this.#running = { pid }),
        onLine: (line) => {
          const staging = STAGING_LINE.exec(line)?.[1];
          if (this.#running && staging) this.#running.staging = staging;
        },
      });
      this.#running = undefined;
      return run;
    } catch (error) {
      this.stop();
      throw error;
    }
  }

  /** scripts/build.ts from `dataRoot` into `outDir`, timed by the phases it prints; `outDir` is measured, then removed unless `keep`. */
  async site(dataRoot: string, outDir: string, options: { keep?: boolean } = {}): Promise<SiteRun> {
    const { command, args } = withCpuTime('site', process.execPath, ['scripts/build.ts']);
    const run = await this.#run(command, args, {
      cwd: this.#root,
      env: { ...process.env, PATH: `${this.#shims}:${join(this.#root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, DATA_ROOT: dataRoot, OUT_DIR: outDir },
      marks: { astro: /^2\/4 astro build/, search: /^3\/4 /, replace: /^4\/4 / },
    });
    const { astro, search, replace } = run.marks;
    if (astro === undefined || search === undefined || replace === undefined) throw new Error(`scripts/build.ts did not print its phases 2/4, 3/4 and 4/4:\n${run.lines.slice(-20).join('\n')}`);
    const dist = folderStats(outDir);
    if (!options.keep) rmSync(outDir, { recursive: true, force: true });
    return {
      total: run.seconds,
      check: astro,
      astro: search - astro,
      searchAndSitemap: replace - search,
      cpuAstro: cpuSeconds(run.lines, 'astro'),
      cpu: cpuSeconds(run.lines, 'site'),
      groupCpu: run.groupCpu,
      peak: peakBytes(run.lines, 'site'),
      phases: buildPhases(run.lines),
      dist,
    };
  }

  /** `astro build` of the bare project in `dir`, from cold caches as the site's build from another data folder is; its dist/ is measured, then removed unless `keep`. */
  async bare(dir: string, options: { keep?: boolean } = {}): Promise<BareRun> {
    for (const folder of ['dist', '.astro', '.astro-cache', '.vite-cache']) rmSync(join(dir, folder), { recursive: true, force: true });
    const { command, args } = withCpuTime('bare', process.execPath, [this.#astro, 'build']);
    const run = await this.#run(command, args, { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    const dist = folderStats(join(dir, 'dist'));
    if (!options.keep) rmSync(join(dir, 'dist'), { recursive: true, force: true });
    return { total: run.seconds, cpu: cpuSeconds(run.lines, 'bare'), groupCpu: run.groupCpu, peak: peakBytes(run.lines, 'bare'), dist };
  }

  /**
   * The bare baseline's search index: Pagefind's own command (`pagefind --site <dir>`, its
   * defaults) over a built folder, as a site that only runs Pagefind gets. The site's index
   * (src/lib/search/index-site.ts) also cuts Chinese into the browser's words first.
   */
  async barePagefind(siteDir: string): Promise<{ total: number; groupCpu: number | undefined }> {
    const run = await this.#run(process.execPath, [join(this.#root, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', siteDir, '--silent'], { cwd: this.#root, env: process.env });
    return { total: run.seconds, groupCpu: run.groupCpu };
  }
}

/** On Ctrl-C or SIGTERM: stops the builds still running, removes the benchmark's work folder and exits 130. */
export function cleanUpOnSignal(work: string, builds: () => readonly BenchBuilds[]): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const running of builds()) running.stop();
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    });
  }
}
