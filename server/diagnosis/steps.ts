/** Building the steps of a directory check: titles, and ok / failed / skipped records. */
import type { CheckStep, CheckStepId, DirectoryProblem } from '../../src/shared/api';
import type { DialpaneError } from '../errors';

export const STEP_TITLES: Record<CheckStepId, string> = {
  reach: 'Reach the server',
  tls: 'TLS',
  bind: 'Sign in (bind)',
  searchBase: 'Search base',
  people: 'People',
};

export const ok = (id: CheckStepId, detail: string): CheckStep => ({ id, title: STEP_TITLES[id], status: 'ok', detail });

export const skipped = (id: CheckStepId, detail: string): CheckStep => ({ id, title: STEP_TITLES[id], status: 'skipped', detail });

export function failed(id: CheckStepId, problem: DirectoryProblem, cause: string, fix: string, suggestions?: string[]): CheckStep {
  const step: CheckStep = { id, title: STEP_TITLES[id], status: 'failed', problem, cause, fix };
  if (suggestions !== undefined && suggestions.length > 0) step.suggestions = suggestions;
  return step;
}

/** A failed step from the error the service itself would answer: the same words as its 503s. */
export const failedWith = (id: CheckStepId, error: DialpaneError): CheckStep => failed(id, error.problem ?? 'SERVER_ERROR', error.message, error.hint);

export const NOT_RUN = 'Not checked: an earlier step failed.';
