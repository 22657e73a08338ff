import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, type JSX, type KeyboardEvent } from 'react';
import type { Person } from '../../shared/api';
import type { DialpaneClient } from '../api';
import { usePersonDetails } from '../hooks/usePersonDetails';
import { usePhotoSource } from '../hooks/usePhotoSource';
import { strings } from '../strings';
import { DetailItem } from './DetailItem';
import { Icon } from './icons';
import { Initials } from './Initials';
import { PhoneItem } from './PhoneItem';
import { SipItem } from './SipItem';

const useStyles = makeStyles({
  card: {
    position: 'absolute',
    inset: 0,
    display: 'flex',
    flexDirection: 'column',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: 'none',
  },
  top: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground2 },
  hero: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalXXS,
    marginBottom: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { ...typographyStyles.title3, margin: `${tokens.spacingVerticalS} 0 0`, overflowWrap: 'anywhere' },
  title: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2 },
  org: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  section: { padding: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}` },
  heading: { ...typographyStyles.caption1Strong, margin: `0 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground3, textTransform: 'uppercase', letterSpacing: '0.04em' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  empty: { ...typographyStyles.body1, color: tokens.colorNeutralForeground3, margin: 0 },
  notice: { ...typographyStyles.caption1, display: 'flex', gap: tokens.spacingHorizontalXS, margin: `0 ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`, padding: tokens.spacingHorizontalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorStatusWarningBackground1, color: tokens.colorNeutralForeground2 },
  noticeIcon: { flexShrink: 0, color: tokens.colorStatusWarningForeground1 },
  dl: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface PersonCardProps {
  client: DialpaneClient;
  directoryId: string;
  /** The person as the list had them; refreshed from the directory on open. */
  listed: Person;
  /** Shown when the person came from "All directories": the name of the directory that has them. */
  directoryName?: string;
  onBack: () => void;
  /** Opens another person of the same directory (the manager). */
  onOpenPerson: (person: Person) => void;
  copyText: (text: string) => Promise<boolean>;
  announce: (text: string) => void;
}

/**
 * Everything the directory knows about one person: the photo (initials without one), a Call
 * button per dialable number and SIP address, copy for each number, and the manager, who opens.
 */
export function PersonCard({ client, directoryId, listed, directoryName, onBack, onOpenPerson, copyText, announce }: PersonCardProps): JSX.Element {
  const styles = useStyles();
  const nameId = useId();
  const cardRef = useRef<HTMLElement>(null);
  const { person, error } = usePersonDetails(client, directoryId, listed);
  const photoSrc = usePhotoSource(client, person.photoUrl);

  // Focus the first Call button (Enter, Enter = search result to call), else the card itself.
  useEffect(() => {
    const first = cardRef.current?.querySelector<HTMLElement>('[data-action="call"]') ?? cardRef.current;
    first?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onBack();
    }
  };
  const org = [person.department, person.company].filter(Boolean).join(' · ');
  const manager = person.manager;

  return (
    <section ref={cardRef} className={styles.card} aria-labelledby={nameId} tabIndex={-1} onKeyDown={onKeyDown} data-testid="person-card">
      <div className={styles.top}>
        <Button appearance="subtle" icon={<Icon name="back" />} onClick={onBack} aria-label={strings.person.backLabel}>
          {strings.person.back}
        </Button>
      </div>
      <div className={styles.hero}>
        <Initials name={person.displayName} size="large" photoSrc={photoSrc} data-testid="person-avatar" />
        <h2 id={nameId} className={styles.name}>
          {person.displayName}
        </h2>
        {person.title && <span className={styles.title}>{person.title}</span>}
        {org && <span className={styles.org}>{org}</span>}
      </div>
      {error && (
        <p className={styles.notice} role="status">
          <Icon name="warning" size={16} className={styles.noticeIcon} />
          <span>
            {strings.error.detailsStale} {error.message} {error.hint}
          </span>
        </p>
      )}
      <div className={styles.section}>
        <h3 className={styles.heading}>{strings.person.phones}</h3>
        {person.phones.length === 0 ? (
          <p className={styles.empty}>{strings.person.noPhones}</p>
        ) : (
          <ul className={styles.list}>
            {person.phones.map((phone, index) => (
              <PhoneItem key={`${phone.kind}-${index}`} phone={phone} phoneIndex={index} person={person} directoryId={directoryId} copyText={copyText} announce={announce} />
            ))}
          </ul>
        )}
      </div>
      {person.sip && (
        <div className={styles.section}>
          <h3 className={styles.heading}>{strings.person.sip}</h3>
          <ul className={styles.list}>
            {person.sip.map((uri) => (
              <SipItem key={uri} uri={uri} personName={person.displayName} />
            ))}
          </ul>
        </div>
      )}
      <div className={styles.section}>
        <h3 className={styles.heading}>{strings.person.details}</h3>
        <dl className={styles.dl}>
          {person.mail && <DetailItem icon="mail" label={strings.person.mail} value={person.mail} href={`mailto:${person.mail}`} />}
          {person.office && <DetailItem icon="location" label={strings.person.office} value={person.office} />}
          {person.accountName && <DetailItem icon="person" label={strings.person.account} value={person.accountName} />}
          {manager && (
            <DetailItem
              icon="person"
              label={strings.person.manager}
              value={manager.displayName}
              action={manager.id === undefined ? undefined : { label: strings.person.openManagerLabel(manager.displayName), onClick: () => onOpenPerson({ id: manager.id as string, displayName: manager.displayName, phones: [], directoryId }) }}
            />
          )}
          {directoryName && <DetailItem icon="peopleList" label={strings.person.directory} value={directoryName} />}
        </dl>
      </div>
    </section>
  );
}
