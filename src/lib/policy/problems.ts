import { policyErrorKinds, type PolicyProblemKind } from '../../schemas/policy.ts';
import type { Problem } from '../../schemas/problem.ts';

/**
 * A problem in a policy text or in policies.yaml: the dataset check's Problem (so it prints as
 * `file:line:column: severity: message`, src/lib/data/problems.ts) with its kind, for counting.
 */
export type PolicyProblem = Problem & { kind: PolicyProblemKind };

const ERRORS: ReadonlySet<PolicyProblemKind> = new Set(policyErrorKinds);

/** A problem of `kind` at `file:line` (column 1: policy problems concern whole lines). */
export function policyProblem(
  kind: PolicyProblemKind,
  file: string,
  line: number,
  message: string,
  details: Partial<Pick<Problem, 'expected' | 'found' | 'hint' | 'column'>> = {},
): PolicyProblem {
  return { kind, file, line, severity: ERRORS.has(kind) ? 'error' : 'warning', message, ...details, column: details.column ?? 1 };
}

/** Problems counted by kind, in the order of the schema's kinds. */
export function countByKind(problems: readonly PolicyProblem[]): Partial<Record<PolicyProblemKind, number>> {
  const counts: Partial<Record<PolicyProblemKind, number>> = {};
  for (const problem of problems) counts[problem.kind] = (counts[problem.kind] ?? 0) + 1;
  return counts;
}
