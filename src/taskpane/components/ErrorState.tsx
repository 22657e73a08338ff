import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ApiFailure } from '../api';
import { strings } from '../strings';
import { Icon } from './icons';

const useStyles = makeStyles({
  state: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
  },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  icon: { flexShrink: 0, color: tokens.colorStatusDangerForeground1, marginTop: '1px' },
  message: { ...typographyStyles.body1Strong, margin: 0, color: tokens.colorNeutralForeground1 },
  hint: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
  code: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  retry: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

export interface ErrorStateProps {
  error: ApiFailure;
  onRetry?: () => void;
}

/** The service's own message and hint, its stable code for support, and a way to try again. */
export function ErrorState({ error, onRetry }: ErrorStateProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.state} role="alert" data-testid="error-state" data-code={error.code}>
      <div className={styles.head}>
        <Icon name="warning" className={styles.icon} />
        <div>
          <p className={styles.message} data-testid="error-message">
            {error.message}
          </p>
          <p className={styles.hint} data-testid="error-hint">
            {error.hint}
          </p>
        </div>
      </div>
      <span className={styles.code}>{strings.error.code(error.code)}</span>
      {onRetry && (
        <Button className={styles.retry} appearance="secondary" size="small" onClick={onRetry}>
          {strings.error.retry}
        </Button>
      )}
    </div>
  );
}
