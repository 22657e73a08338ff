import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import { strings } from '../strings';
import { Icon } from './icons';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: 1 },
  label: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  address: { ...typographyStyles.body1Strong, overflowWrap: 'anywhere' },
});

/**
 * One SIP address with its Call button: a `sip:` link, followed the same way as the tel: links of
 * PhoneItem, which the softphone registered for sip: (Skype for Business, Teams, a SIP client) takes.
 */
export function SipItem({ uri, personName }: { uri: string; personName: string }): JSX.Element {
  const styles = useStyles();
  const address = uri.replace(/^sips?:/i, '');
  return (
    <li className={styles.item} data-testid="sip">
      <div className={styles.text}>
        <span className={styles.label}>{strings.person.sipLabel}</span>
        <span className={styles.address}>{address}</span>
      </div>
      <Button as="a" href={uri} appearance="primary" icon={<Icon name="call" size={16} />} aria-label={strings.person.callSipLabel(address, personName)} data-action="call" data-sip={uri}>
        {strings.person.call}
      </Button>
    </li>
  );
}
