import { Button, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState, type JSX } from 'react';
import type { Person, Phone } from '../../shared/api';
import { CallButton } from '../dialing/CallButton';
import { phoneText } from '../people';
import { strings } from '../strings';
import { Icon } from './icons';

/** How long "Copied" stays on the copy button. */
const COPIED_MS = 2000;

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: 1 },
  label: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  number: { ...typographyStyles.body1Strong, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  // A formatted number reads as one word: at 320 px "+386 1 555 02 08" broke before its last group.
  whole: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  raw: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  reason: { ...typographyStyles.caption1, display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXS, color: tokens.colorStatusWarningForeground3 },
  reasonIcon: { flexShrink: 0, marginTop: '1px' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  copied: { color: tokens.colorStatusSuccessForeground1 },
});

export interface PhoneItemProps {
  phone: Phone;
  /** Position of `phone` in person.phones (the dial API names a number by it). */
  phoneIndex: number;
  person: Person;
  directoryId: string;
  copyText: (text: string) => Promise<boolean>;
  announce: (text: string) => void;
}

/** One number: its label, the number, and either Call (dialing/CallButton.tsx) or why it cannot be dialed. */
export function PhoneItem({ phone, phoneIndex, person, directoryId, copyText, announce }: PhoneItemProps): JSX.Element {
  const styles = useStyles();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const numberRef = useRef<HTMLSpanElement>(null);
  const shown = phoneText(phone);

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async (): Promise<void> => {
    const ok = await copyText(shown);
    setCopy(ok ? 'copied' : 'failed');
    if (ok) {
      announce(strings.person.copiedAnnouncement(shown));
      return;
    }
    // Last resort: select the number so Ctrl+C works.
    const node = numberRef.current;
    const selection = window.getSelection();
    if (node && selection) {
      const range = document.createRange();
      range.selectNodeContents(node);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    announce(strings.person.copyFailedAnnouncement);
  };

  return (
    <li className={styles.item} data-testid="phone" data-kind={phone.kind}>
      <div className={styles.text}>
        <span className={styles.label}>{phone.label}</span>
        <span ref={numberRef} className={phone.dialable ? mergeClasses(styles.number, styles.whole) : styles.number}>
          {shown}
        </span>
        {phone.dialable ? (
          phone.raw !== phone.display && <span className={styles.raw}>{strings.person.rawValue(phone.raw)}</span>
        ) : (
          <span className={styles.reason}>
            <Icon name="warning" size={14} className={styles.reasonIcon} />
            <span>
              {strings.person.notDialable}: {phone.reason}
            </span>
          </span>
        )}
      </div>
      <div className={styles.actions}>
        {phone.dialable && <CallButton phone={phone} phoneIndex={phoneIndex} person={person} directoryId={directoryId} />}
        <Button
          appearance="subtle"
          icon={<Icon name={copy === 'copied' ? 'checkmark' : 'copy'} className={copy === 'copied' ? styles.copied : undefined} />}
          aria-label={copy === 'copied' ? strings.person.copied : copy === 'failed' ? strings.person.copyFailed : strings.person.copyLabel(phone.label, shown)}
          title={copy === 'copied' ? strings.person.copied : copy === 'failed' ? strings.person.copyFailed : strings.person.copy}
          onClick={() => void onCopy()}
          data-action="copy"
        />
      </div>
    </li>
  );
}
