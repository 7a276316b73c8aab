import { describe, expect, test } from 'vitest';
import { groupCpuAvailable } from '../../src/lib/bench/group-cpu.ts';
import { runTimed } from '../../src/lib/bench/measure.ts';

/** A process that starts a child which spins for `ms` and is killed, not waited for: as Pagefind's Node API treats its binary. */
const SPIN_IN_KILLED_CHILD = `
const { spawn } = require('node:child_process');
const child = spawn(process.execPath, ['-e', 'const end = Date.now() + ${800}; while (Date.now() < end) {} setInterval(() => {}, 1000);'], { stdio: 'ignore' });
setTimeout(() => { child.kill(); process.exit(0); }, ${1200});
`;

describe.skipIf(!groupCpuAvailable)('runTimed groupCpu', () => {
  test('counts the CPU time of a child that is killed rather than waited for', async () => {
    const run = await runTimed(process.execPath, ['-e', SPIN_IN_KILLED_CHILD], { cwd: '.', env: process.env });
    expect(run.groupCpu).toBeGreaterThan(0.5);
    expect(run.groupCpu).toBeLessThan(run.seconds + 1);
  });
});
