import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { groupCpuAvailable, sampleGroupCpu } from './group-cpu.ts';

export interface TimedRun {
  /** Wall time from spawning the process to its exit. */
  seconds: number;
  /** Seconds after the start at which the first output line matching each mark appeared. */
  marks: Record<string, number>;
  /** Every output line (stdout and stderr), for parsing what the process reported. */
  lines: string[];
  /** CPU seconds of the whole process group, sampled (src/lib/bench/group-cpu.ts); undefined off Linux. */
  groupCpu: number | undefined;
}

export interface TimedRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Lines whose first appearance times a phase, e.g. `{ astro: /^2\/4 astro build/ }`. */
  marks?: Record<string, RegExp>;
  /**
   * Called with the child's pid as soon as it starts. The child leads its own process group,
   * so that `process.kill(-pid)` stops it and everything it started.
   */
  onStart?: (pid: number) => void;
  /** Called with each output line as it arrives. */
  onLine?: (line: string) => void;
}

/**
 * Runs a command to completion and times it, and the phases it announces on its output. A
 * failure throws with the last lines of output, since the build's own error is there.
 */
export function runTimed(command: string, args: readonly string[], options: TimedRunOptions): Promise<TimedRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid !== undefined) options.onStart?.(child.pid);
  // Detached, the child leads a process group of its own, which everything it starts joins.
  const cpu = groupCpuAvailable && child.pid !== undefined ? sampleGroupCpu(child.pid) : undefined;
  const lines: string[] = [];
  const marks: Record<string, number> = {};
  const read = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => {
      const reader = createInterface({ input: stream, crlfDelay: Infinity });
      reader.on('line', (line) => {
        lines.push(line);
        options.onLine?.(line);
        for (const [name, pattern] of Object.entries(options.marks ?? {})) {
          if (marks[name] === undefined && pattern.test(line)) marks[name] = (performance.now() - started) / 1000;
        }
      });
      reader.on('close', resolve);
    });
  const output = Promise.all([read(child.stdout), read(child.stderr)]);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      cpu?.stop();
      reject(new Error(`could not start ${command}`, { cause: error }));
    });
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const groupCpu = cpu?.stop();
      void output.then(() => {
        if (code === 0) return resolve({ seconds, marks, lines, groupCpu });
        const tail = lines.slice(-30).join('\n');
        reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) ${signal ? `was killed by ${signal}` : `exited with ${code}`}; its last lines:\n${tail}`));
      });
    });
  });
}

export interface FolderStats {
  /** HTML files, i.e. pages. */
  pages: number;
  files: number;
  bytes: number;
}

/** Pages, files and bytes under a built site's folder. */
export function folderStats(dir: string): FolderStats {
  const stats: FolderStats = { pages: 0, files: 0, bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    stats.files++;
    stats.bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) stats.pages++;
  }
  return stats;
}
