import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import { ErrorState } from '../components/ErrorState';
import { Icon } from '../components/icons';
import { strings } from '../strings';
import type { CallState } from './useCallFlow';

const useStyles = makeStyles({
  region: { display: 'contents' },
  done: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
    backgroundColor: tokens.colorStatusSuccessBackground1,
  },
  icon: { flexShrink: 0, color: tokens.colorStatusSuccessForeground1, marginTop: '2px' },
  title: { ...typographyStyles.body1Strong, margin: 0, color: tokens.colorNeutralForeground1 },
  body: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
});

/** What came of Call: ringing, queued, handed to the phone app, or why it failed (the service's message, hint and code). */
export function CallOutcome({ call, dialerName }: { call: CallState; dialerName: string }): JSX.Element {
  const styles = useStyles();
  let content: JSX.Element | null = null;
  if (call.status === 'failed') content = <ErrorState error={call.error} />;
  if (call.status === 'placed' || call.status === 'handed') {
    const outcome = call.status === 'placed' ? call.response.outcome : null;
    const title = outcome === 'ringing' ? strings.dial.outcome.ringing : outcome === 'queued' ? strings.dial.outcome.queued : strings.dial.handedOver(dialerName);
    const body = outcome === 'ringing' ? strings.dial.outcome.ringingBody(dialerName) : outcome === 'queued' ? strings.dial.outcome.queuedBody(dialerName) : null;
    content = (
      <div className={styles.done} data-testid="call-outcome" data-outcome={outcome ?? 'handed'}>
        <Icon name="checkmark" className={styles.icon} />
        <div>
          <p className={styles.title}>{title}</p>
          {body && <p className={styles.body}>{body}</p>}
        </div>
      </div>
    );
  }
  return (
    <div className={styles.region} role="status" aria-live="polite">
      {content}
    </div>
  );
}
