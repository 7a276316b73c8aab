import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system) of every process of a process group, sampled from /proc (Linux).
 * GNU time counts a command and the children it waits for; Pagefind's Node API kills its
 * indexing binary instead of waiting for it, so that binary's CPU time is counted nowhere, and
 * on a shared machine wall time also measures the other work. Sampling the group catches the
 * binary too; a process that ends between two samples loses at most one interval of CPU time.
 */
const PROC = '/proc';
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;
const INTERVAL_MS = 200;

export const groupCpuAvailable = existsSync(`${PROC}/self/stat`);

/** utime + stime in ticks of each process of group `pgid` now. */
function sample(pgid: number, into: Map<number, number>): void {
  for (const name of readdirSync(PROC)) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`${PROC}/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime stime (14th and 15th of the line).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    into.set(Number(name), Number(fields[11]) + Number(fields[12]));
  }
}

/** Starts sampling group `pgid`; `stop()` returns its CPU seconds so far. */
export function sampleGroupCpu(pgid: number): { stop: () => number } {
  const seen = new Map<number, number>();
  const timer = setInterval(() => sample(pgid, seen), INTERVAL_MS);
  sample(pgid, seen);
  return {
    stop: () => {
      clearInterval(timer);
      let ticks = 0;
      for (const value of seen.values()) ticks += value;
      return ticks / TICKS;
    },
  };
}
