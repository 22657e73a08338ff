import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import type { JSX } from 'react';

const useStyles = makeStyles({
  state: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}` },
});

/** Shown while nothing is on screen yet; once results exist, the status line carries progress instead. */
export function LoadingState({ label }: { label: string }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.state} data-testid="loading-state">
      <Spinner size="small" label={label} labelPosition="below" />
    </div>
  );
}
