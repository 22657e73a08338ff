import { Button, makeStyles, mergeClasses, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { ApiFailure } from '../api';
import { strings } from '../strings';

const useStyles = makeStyles({
  footer: {
    ...typographyStyles.caption1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '48px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground3,
  },
  error: { flexDirection: 'column', color: tokens.colorStatusDangerForeground1, textAlign: 'center' },
});

export interface ListFooterProps {
  state: 'loading' | 'error' | null;
  error?: ApiFailure | null;
  onRetry?: () => void;
}

/** Under the last loaded row of Show All: the next page loading, or why it failed. */
export function ListFooter({ state, error, onRetry }: ListFooterProps): JSX.Element | null {
  const styles = useStyles();
  if (state === 'loading') {
    return (
      <div className={styles.footer}>
        <Spinner size="extra-tiny" aria-hidden />
        {strings.results.loadingMore}
      </div>
    );
  }
  if (state === 'error' && error) {
    return (
      <div className={mergeClasses(styles.footer, styles.error)} role="alert">
        <span>{error.message}</span>
        <span>{error.hint}</span>
        {onRetry && (
          <Button size="small" appearance="secondary" onClick={onRetry}>
            {strings.error.retry}
          </Button>
        )}
      </div>
    );
  }
  return null;
}
