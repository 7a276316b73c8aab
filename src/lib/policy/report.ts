import { isAbsolute, relative, resolve } from 'node:path';
import { policyForms } from '../../schemas/policy.ts';
import type { PolicyCheck } from './library.ts';
import { POLICY_DIR } from './library.ts';

/**
 * The policy check's part of `npm run data:check` and of the build's data check: one progress
 * line like a dataset's, and the arguments that name the policy library. Its problems join the
 * dataset problems and print the same way (src/lib/data/report.ts).
 */

const number = new Intl.NumberFormat('en');

/** `policies: 19 texts (articles 19), 3 reported, 2,151 units, 0 refused, 1 warning (0.04 s)` */
export function policyProgress(check: PolicyCheck): string {
  const reported = check.entries.filter((entry) => entry.kind === 'reported').length;
  const forms = policyForms.filter((form) => check.forms[form] > 0).map((form) => `${form} ${number.format(check.forms[form])}`);
  const errors = check.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = check.problems.length - errors;
  const parts = [
    `${number.format(check.listed)} texts${forms.length > 0 ? ` (${forms.join(', ')})` : ''}`,
    `${reported} reported`,
    `${number.format(check.units)} units`,
    `${check.refused} refused`,
    errors > 0 ? `${errors} errors` : '',
    `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  ].filter(Boolean);
  return `policies: ${parts.join(', ')} (${(check.milliseconds / 1000).toFixed(2)} s)`;
}

/**
 * Splits command-line paths into those that name the policy library (`data/policies`, a file in
 * it, or `policies`) and the rest, which name datasets.
 */
export function splitPolicyArgs(dataRoot: string, args: readonly string[]): { policies: boolean; datasets: string[] } {
  const library = resolve(dataRoot, POLICY_DIR);
  const inLibrary = (arg: string) => {
    const inside = relative(library, resolve(arg));
    return arg === POLICY_DIR || inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
  };
  const policies = args.filter(inLibrary);
  return { policies: policies.length > 0, datasets: args.filter((arg) => !inLibrary(arg)) };
}
