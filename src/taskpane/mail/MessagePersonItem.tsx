import { makeStyles, mergeClasses, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { Person } from '../../shared/api';
import { Icon } from '../components/icons';
import { Initials } from '../components/Initials';
import { CallButton } from '../dialing/CallButton';
import { phoneText, primaryPhone, roleLine } from '../people';
import { strings } from '../strings';
import type { MessageAddress } from './read-item';
import type { LookupEntry } from './useMessageLookup';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '60px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  unknown: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '36px',
    height: '36px',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground3,
  },
  faded: { opacity: 0.45 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: 1, gap: '1px' },
  name: {
    ...typographyStyles.body1Strong,
    ...ellipsis,
    display: 'block',
    maxWidth: '100%',
    padding: 0,
    border: 'none',
    background: 'none',
    color: 'inherit',
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, borderRadius: tokens.borderRadiusSmall },
  },
  plainName: { cursor: 'default', ':hover': { textDecorationLine: 'none' } },
  role: { ...typographyStyles.caption1, ...ellipsis, color: tokens.colorNeutralForeground2 },
  meta: { ...typographyStyles.caption1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0, color: tokens.colorNeutralForeground3 },
  metaText: { ...ellipsis, fontVariantNumeric: 'tabular-nums' },
  chip: {
    ...typographyStyles.caption2Strong,
    flexShrink: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  you: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2 },
  missing: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

export interface MessagePersonItemProps {
  entry: MessageAddress;
  lookup: LookupEntry | undefined;
  you: boolean;
  onOpen: (person: Person, directoryId: string) => void;
}

/**
 * One person of the message: found in the directory, a compact card (initials, name that opens
 * the full card, title · department, roles and number, Call); otherwise the name and address the
 * message carries and "Not in the directory".
 */
export function MessagePersonItem({ entry, lookup, you, onOpen }: MessagePersonItemProps): JSX.Element {
  const styles = useStyles();
  const chips = (
    <>
      {entry.roles.map((role) => (
        <span key={role} className={styles.chip}>
          {strings.message.roles[role]}
        </span>
      ))}
      {you && <span className={mergeClasses(styles.chip, styles.you)}>{strings.message.you}</span>}
    </>
  );

  if (lookup?.status === 'found') {
    const { person, directoryId } = lookup;
    const phone = primaryPhone(person);
    const role = roleLine(person);
    return (
      <li className={styles.item} data-testid="message-person" data-status="found" data-address={entry.key}>
        <Initials name={person.displayName} size="medium" />
        <div className={styles.text}>
          <button type="button" className={styles.name} onClick={() => onOpen(person, directoryId)} aria-label={strings.message.openLabel(person.displayName)}>
            {person.displayName}
          </button>
          {role && <span className={styles.role}>{role}</span>}
          <span className={styles.meta}>
            {chips}
            <span className={styles.metaText}>{phone ? phoneText(phone) : strings.results.noNumber}</span>
          </span>
        </div>
        {phone?.dialable && <CallButton size="small" phone={phone} phoneIndex={person.phones.indexOf(phone)} person={person} directoryId={directoryId} />}
      </li>
    );
  }

  const pending = lookup === undefined || lookup.status === 'pending';
  const status = !entry.lookup ? 'missing' : pending ? 'pending' : lookup.status;
  const showAddress = entry.address !== '' && entry.name !== entry.address;
  return (
    <li className={styles.item} data-testid="message-person" data-status={status} data-address={entry.key}>
      {status === 'pending' ? (
        // Still looking: the person's initials, faded, rather than the "unknown" badge they may never get.
        <Initials name={entry.name} size="medium" className={styles.faded} />
      ) : (
        <span className={styles.unknown} aria-hidden="true">
          <Icon name="person" size={18} />
        </span>
      )}
      <div className={styles.text}>
        <span className={mergeClasses(styles.name, styles.plainName)}>{entry.name || strings.message.noAddress}</span>
        {showAddress && <span className={styles.role}>{entry.address}</span>}
        <span className={styles.meta}>
          {chips}
          {status === 'pending' ? (
            <span className={styles.missing}>
              <Spinner size="extra-tiny" aria-hidden />
              {strings.message.lookingUp}
            </span>
          ) : (
            <span className={styles.missing}>{entry.address === '' ? strings.message.noAddress : status === 'failed' ? strings.message.notLookedUp : strings.message.notInDirectory}</span>
          )}
        </span>
      </div>
    </li>
  );
}
