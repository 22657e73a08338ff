import { Button, makeStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { DialablePhone, Person } from '../../shared/api';
import { Icon } from '../components/icons';
import { phoneText } from '../people';
import { strings } from '../strings';
import { useDialing } from './dialing-context';

const useStyles = makeStyles({
  call: { minWidth: 'auto' },
});

export interface CallButtonProps {
  phone: DialablePhone;
  /** Index of `phone` in person.phones: the dial API names the number by it. */
  phoneIndex: number;
  person: Person;
  directoryId: string;
  size?: 'small' | 'medium';
}

/**
 * Call one number. With dialers configured it opens the call sheet (Call with …, the preview, the
 * outcome); without, it is an <a href="tel:…"> styled as a button: following a link is what
 * Outlook's web views pass to the system dialer (window.open is blocked there).
 */
export function CallButton({ phone, phoneIndex, person, directoryId, size = 'medium' }: CallButtonProps): JSX.Element {
  const styles = useStyles();
  const { mine, startCall } = useDialing();
  const shown = phoneText(phone);
  if (mine === null) {
    return (
      <Button as="a" href={phone.tel} size={size} className={styles.call} appearance="primary" icon={<Icon name="call" size={16} />} aria-label={strings.person.callLabel(phone.label, shown, person.displayName)} data-action="call" data-tel={phone.tel}>
        {strings.person.call}
      </Button>
    );
  }
  return (
    <Button
      size={size}
      className={styles.call}
      appearance="primary"
      icon={<Icon name="call" size={16} />}
      aria-label={strings.dial.callWithLabel(phone.label, shown, person.displayName, mine.displayName)}
      aria-haspopup="dialog"
      onClick={() => startCall({ directoryId, person, phoneIndex })}
      data-action="call"
      data-tel={phone.tel}
    >
      {strings.person.call}
    </Button>
  );
}
