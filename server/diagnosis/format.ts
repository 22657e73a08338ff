/** The directory check as text for a terminal: one ✓ / ✗ / – line per step, the fix under a failure. */
import type { CheckStep, DirectoryCheck } from '../../src/shared/api';

const MARK: Record<CheckStep['status'], string> = { ok: '✓', failed: '✗', skipped: '–' };

function stepLines(step: CheckStep): string[] {
  const text = step.status === 'failed' ? step.cause : step.detail;
  const lines = [`  ${MARK[step.status]} ${step.title}: ${text ?? ''}`];
  if (step.status === 'failed') {
    if (step.fix !== undefined) lines.push(`      Fix: ${step.fix}`);
    if (step.suggestions !== undefined) lines.push(`      Existing: ${step.suggestions.join(' | ')}`);
  }
  return lines;
}

export function formatCheck(check: DirectoryCheck): string {
  const head = `${check.displayName} [${check.directoryId}] ${check.servers.join(', ')}`;
  return [head, ...check.steps.flatMap(stepLines)].join('\n');
}

export function formatSummary(checks: readonly DirectoryCheck[]): string {
  const failedCount = checks.filter((c) => !c.ok).length;
  const noun = checks.length === 1 ? 'directory' : 'directories';
  if (failedCount === 0) return checks.length === 1 ? 'The directory passed.' : `All ${checks.length} ${noun} passed.`;
  return checks.length === 1 ? 'The directory failed.' : `${failedCount} of ${checks.length} ${noun} failed.`;
}
