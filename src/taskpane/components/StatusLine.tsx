import { makeStyles, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';

const useStyles = makeStyles({
  line: {
    ...typographyStyles.caption1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minHeight: '20px',
    padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground3,
  },
});

export interface StatusLineProps {
  text: string;
  busy: boolean;
  /** How many people the list holds; also exposed as data-count for tests and tooling. */
  count: number;
}

/** One line above the list saying what it holds; announced politely when it changes. */
export function StatusLine({ text, busy, count }: StatusLineProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.line} role="status" aria-live="polite" data-testid="result-status" data-count={count} data-busy={busy}>
      {busy && <Spinner size="extra-tiny" aria-hidden />}
      <span>{text}</span>
    </div>
  );
}
