import { Button, makeStyles, mergeClasses, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, type JSX, type KeyboardEvent } from 'react';
import type { DirectorySummary } from '../../shared/api';
import type { DialpaneClient } from '../api';
import { useConnectionChecks, type CheckState } from '../hooks/useConnectionChecks';
import { strings } from '../strings';
import { CheckSteps } from './CheckSteps';
import { ErrorState } from './ErrorState';
import { Icon } from './icons';

const useStyles = makeStyles({
  panel: { position: 'absolute', inset: 0, display: 'flex', flexDirection: 'column', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1, outlineStyle: 'none' },
  top: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  intro: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground3 },
  heading: { ...typographyStyles.caption1Strong, margin: 0, color: tokens.colorNeutralForeground3, textTransform: 'uppercase', letterSpacing: '0.04em' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  directory: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusLarge, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { ...typographyStyles.body1Strong, flex: 1, minWidth: 0, overflowWrap: 'anywhere' },
  verdict: { ...typographyStyles.caption1Strong, margin: `0 0 ${tokens.spacingVerticalS}` },
  passed: { color: tokens.colorStatusSuccessForeground1 },
  failed: { color: tokens.colorStatusDangerForeground1 },
});

export interface SettingsPanelProps {
  client: DialpaneClient;
  directories: DirectorySummary[];
  onBack: () => void;
}

/** Settings: each directory with a "Test connection" button and the steps of its check. */
export function SettingsPanel({ client, directories, onBack }: SettingsPanelProps): JSX.Element {
  const styles = useStyles();
  const titleId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const { states, run } = useConnectionChecks(client);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('[data-action="test-connection"]')?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    }
  };

  return (
    <section ref={panelRef} className={styles.panel} aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown} data-testid="settings">
      <div className={styles.top}>
        <Button appearance="subtle" icon={<Icon name="back" />} onClick={onBack} aria-label={strings.settings.backLabel}>
          {strings.settings.back}
        </Button>
      </div>
      <div className={styles.body}>
        <h2 id={titleId} className={styles.title}>
          {strings.settings.title}
        </h2>
        <h3 className={styles.heading}>{strings.settings.directories}</h3>
        <p className={styles.intro}>{strings.settings.intro}</p>
        <ul className={styles.list}>
          {directories.map((d) => (
            <DirectoryItem key={d.id} directory={d} state={states[d.id] ?? { status: 'idle' }} onTest={() => run(d.id)} />
          ))}
        </ul>
      </div>
    </section>
  );
}

function DirectoryItem({ directory, state, onTest }: { directory: DirectorySummary; state: CheckState; onTest: () => void }): JSX.Element {
  const styles = useStyles();
  return (
    <li className={styles.directory} data-testid="directory-check" data-directory={directory.id}>
      <div className={styles.row}>
        <span className={styles.name}>{directory.displayName}</span>
        <Button
          appearance="secondary"
          size="small"
          icon={state.status === 'running' ? <Spinner size="extra-tiny" /> : <Icon name="plug" />}
          // Focusable while running: a disabled button would drop the focus (and Escape with it) to the page.
          disabledFocusable={state.status === 'running'}
          onClick={onTest}
          aria-label={strings.settings.testLabel(directory.displayName)}
          data-action="test-connection"
        >
          {state.status === 'running' ? strings.settings.testing : strings.settings.test}
        </Button>
      </div>
      {state.status === 'done' && (
        <div role="status" aria-live="polite">
          <p className={mergeClasses(styles.verdict, state.check.ok ? styles.passed : styles.failed)} data-testid="check-verdict" data-ok={state.check.ok}>
            {state.check.ok ? strings.settings.passed : strings.settings.failed}
          </p>
          <CheckSteps steps={state.check.steps} />
        </div>
      )}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={onTest} />}
    </li>
  );
}
