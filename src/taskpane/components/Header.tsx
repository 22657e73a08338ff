import { Button, makeStyles, mergeClasses, Select, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, type JSX, type Ref } from 'react';
import { ALL_DIRECTORIES, type DirectorySummary } from '../../shared/api';
import { strings } from '../strings';
import { Icon } from './icons';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  mark: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    width: '32px',
    height: '32px',
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: 1 },
  name: { ...typographyStyles.subtitle2, margin: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  caption: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  select: { maxWidth: '50%', minWidth: '120px' },
  // With buttons beside the picker the header is crowded: the product name keeps its width, the picker gives.
  titlesFixed: { flex: '0 0 auto' },
  selectFill: { flex: '1 1 auto', minWidth: 0, maxWidth: 'none' },
  button: { flexShrink: 0, minWidth: 'auto' },
});

/** The signed-in person, when the service wants sign-in. */
export interface HeaderAccount {
  displayName: string;
  onSignOut: () => void;
}

export interface HeaderProps {
  directories: DirectorySummary[];
  /** The chosen directory, ALL_DIRECTORIES for all of them, null while loading. */
  directoryId: string | null;
  onDirectory: (id: string) => void;
  /** Opens the settings (Test connection); no button without it. */
  onSettings?: () => void;
  /** The settings button, to give it the focus back when the settings close. */
  settingsRef?: Ref<HTMLButtonElement>;
  account?: HeaderAccount | undefined;
}

/**
 * Product name, and the directory: its name when there is one, a picker when there are several
 * (with "All directories" first), the settings button, and Sign out when signed in.
 */
export function Header({ directories, directoryId, onDirectory, onSettings, settingsRef, account }: HeaderProps): JSX.Element {
  const styles = useStyles();
  const selectId = useId();
  const current = directories.find((d) => d.id === directoryId);
  const crowded = (account !== undefined || onSettings !== undefined) && directories.length > 1;
  return (
    <header className={styles.header}>
      <span className={styles.mark}>
        <Icon name="call" size={18} />
      </span>
      <div className={mergeClasses(styles.titles, crowded && styles.titlesFixed)}>
        <h1 className={styles.name}>{strings.appName}</h1>
        {directories.length <= 1 && <span className={styles.caption}>{current?.displayName ?? strings.appTagline}</span>}
      </div>
      {directories.length > 1 && (
        <Select id={selectId} className={mergeClasses(styles.select, crowded && styles.selectFill)} aria-label={strings.directory.label} value={directoryId ?? ''} onChange={(_e, data) => onDirectory(data.value)}>
          <option value={ALL_DIRECTORIES}>{strings.directory.all}</option>
          {directories.map((d) => (
            <option key={d.id} value={d.id}>
              {d.displayName}
            </option>
          ))}
        </Select>
      )}
      {onSettings && (
        <Button ref={settingsRef} className={styles.button} appearance="subtle" icon={<Icon name="settings" />} aria-label={strings.settings.openLabel} title={strings.settings.open} onClick={onSettings} data-testid="open-settings" />
      )}
      {account !== undefined && (
        // Icon only: the header is narrow once a directory picker shares it; the label says who and what.
        <Button
          className={styles.button}
          appearance="subtle"
          icon={<Icon name="signOut" />}
          title={`${strings.signIn.signedInAs(account.displayName)} — ${strings.signIn.signOut}`}
          aria-label={strings.signIn.signOutLabel(account.displayName)}
          onClick={account.onSignOut}
        />
      )}
    </header>
  );
}
