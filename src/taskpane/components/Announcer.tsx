import { makeStyles } from '@fluentui/react-components';
import { useCallback, useState, type JSX } from 'react';

/** Visually hidden, still read by screen readers. */
const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** A polite live region for things that happen without a visible change of focus (a copy). */
export function useAnnouncer(): { message: string; announce: (text: string) => void } {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => {
    // Clear first so that the same text twice is announced twice.
    setMessage('');
    requestAnimationFrame(() => setMessage(text));
  }, []);
  return { message, announce };
}

export function Announcer({ message }: { message: string }): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.hidden} role="status" aria-live="polite" data-testid="announcer">
      {message}
    </div>
  );
}
