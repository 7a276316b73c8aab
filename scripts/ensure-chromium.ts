/**
 * First step of npm test: the browser tests need Chromium. Where it is missing, installs it
 * when it can (root with apt-get), or prints one line saying what to run and exits 1, before
 * a build is spent on a test run that cannot finish.
 */
import { spawnSync } from 'node:child_process';
import { browserMachine, planBrowser } from '../src/lib/browser/chromium.ts';

const plan = planBrowser(browserMachine());
if (plan.kind === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.kind === 'install') {
  console.log(`Browser tests need Chromium: installing it with ${plan.commands.map((command) => command.join(' ')).join(' && ')}`);
  for (const [program = '', ...args] of plan.commands) {
    const run = spawnSync(program, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      console.error(`Browser tests need Chromium, and "${[program, ...args].join(' ')}" failed (${run.error?.message ?? `exit ${run.status}`}); install it or set CHROMIUM_PATH=/path/to/chromium`);
      process.exit(1);
    }
  }
  const machine = browserMachine();
  if (!machine.chromiumRuns) {
    console.error(`Browser tests need Chromium: apt-get finished but ${machine.chromium} is not there; set CHROMIUM_PATH=/path/to/chromium`);
    process.exit(1);
  }
}
