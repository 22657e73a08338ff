import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { CheckStep } from '../../shared/api';
import { strings } from '../strings';
import { Icon } from './icons';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  step: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  icon: { flexShrink: 0, marginTop: '1px' },
  ok: { color: tokens.colorStatusSuccessForeground1 },
  failed: { color: tokens.colorStatusDangerForeground1 },
  skipped: { color: tokens.colorNeutralForeground4 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { ...typographyStyles.body1Strong },
  detail: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  fix: { ...typographyStyles.caption1, margin: 0, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3, overflowWrap: 'anywhere' },
  label: { ...typographyStyles.caption1Strong },
  suggestion: { fontFamily: tokens.fontFamilyMonospace },
  /** Visually hidden, read by screen readers: the status the coloured mark shows. */
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

const ICONS = { ok: 'stepOk', failed: 'stepFailed', skipped: 'stepSkipped' } as const;

/** The steps of a directory check, in order: a mark, the title, what was found or what is wrong, and the fix. */
export function CheckSteps({ steps }: { steps: CheckStep[] }): JSX.Element {
  const styles = useStyles();
  return (
    <ol className={styles.list} data-testid="check-steps">
      {steps.map((step) => (
        <li key={step.id} className={styles.step} data-step={step.id} data-status={step.status}>
          <Icon name={ICONS[step.status]} className={mergeClasses(styles.icon, styles[step.status])} />
          <div className={styles.text}>
            <span className={styles.title}>
              {step.title}
              <span className={styles.hidden}>{`: ${strings.settings.stepStatus[step.status]}`}</span>
            </span>
            {step.status === 'failed' ? (
              <>
                <span className={styles.detail} data-testid="step-cause">
                  {step.cause}
                </span>
                {step.fix && (
                  <p className={styles.fix} data-testid="step-fix">
                    <span className={styles.label}>{strings.settings.fix}: </span>
                    {step.fix}
                  </p>
                )}
                {step.suggestions && (
                  <span className={styles.detail}>
                    <span className={styles.label}>{strings.settings.existing}: </span>
                    {step.suggestions.map((dn, i) => (
                      <span key={dn}>
                        {i > 0 && ', '}
                        <span className={styles.suggestion}>{dn}</span>
                      </span>
                    ))}
                  </span>
                )}
              </>
            ) : (
              <span className={mergeClasses(styles.detail, step.status === 'skipped' && styles.muted)}>{step.detail}</span>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
