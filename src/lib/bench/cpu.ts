import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CPU time (user + system) of a command and everything it waits for, and the peak memory of
 * its largest process, from GNU time. On a shared machine wall time also measures the other
 * work; CPU time mostly does not, so the benchmarks report both. Without /usr/bin/time, CPU
 * time and peak memory are simply not reported.
 */
const GNU_TIME = '/usr/bin/time';
const LINE = 'bench-cpu';

export const cpuTimeAvailable = existsSync(GNU_TIME);

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** `command args…` wrapped so that it prints one line with its CPU time and peak memory under `tag` when it ends. */
export function withCpuTime(tag: string, command: string, args: readonly string[]): { command: string; args: string[] } {
  if (!cpuTimeAvailable) return { command, args: [...args] };
  return { command: GNU_TIME, args: ['-f', `${LINE} ${tag} %U %S %M`, command, ...args] };
}

/**
 * Writes `dir/<name>`, an executable that runs `command args…` with its CPU time under `tag`:
 * put first on PATH, it times a tool that another program starts by name.
 */
export function writeCpuTimeShim(dir: string, name: string, tag: string, command: string, args: readonly string[]): void {
  const wrapped = withCpuTime(tag, command, args);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\nexec ${[wrapped.command, ...wrapped.args].map(quote).join(' ')} "$@"\n`);
  chmodSync(file, 0o755);
}

function measured(lines: readonly string[], tag: string): number[] | undefined {
  const prefix = `${LINE} ${tag} `;
  const line = lines.find((candidate) => candidate.startsWith(prefix));
  return line?.slice(prefix.length).split(' ').map(Number);
}

/** Seconds of CPU time printed under `tag` in `lines`, or undefined if there is none. */
export function cpuSeconds(lines: readonly string[], tag: string): number | undefined {
  const [user, system] = measured(lines, tag) ?? [];
  return user !== undefined && system !== undefined && Number.isFinite(user + system) ? user + system : undefined;
}

/** Peak resident memory in bytes (the largest process's) printed under `tag` in `lines`, or undefined. */
export function peakBytes(lines: readonly string[], tag: string): number | undefined {
  const kilobytes = measured(lines, tag)?.[2];
  return kilobytes !== undefined && Number.isFinite(kilobytes) ? kilobytes * 1024 : undefined;
}
