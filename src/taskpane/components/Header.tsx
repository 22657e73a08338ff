import { Button, makeStyles, Select, tokens, typographyStyles } from '@fluentui/react-components';
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
  settings: { flexShrink: 0 },
});

export interface HeaderProps {
  directories: DirectorySummary[];
  /** The chosen directory, ALL_DIRECTORIES for all of them, null while loading. */
  directoryId: string | null;
  onDirectory: (id: string) => void;
  /** Opens the settings (Test connection); no button without it. */
  onSettings?: () => void;
  /** The settings button, to give it the focus back when the settings close. */
  settingsRef?: Ref<HTMLButtonElement>;
}

/**
 * Product name, and the directory: its name when there is one, a picker when there are several
 * (with "All directories" first), and the settings button.
 */
export function Header({ directories, directoryId, onDirectory, onSettings, settingsRef }: HeaderProps): JSX.Element {
  const styles = useStyles();
  const selectId = useId();
  const current = directories.find((d) => d.id === directoryId);
  return (
    <header className={styles.header}>
      <span className={styles.mark}>
        <Icon name="call" size={18} />
      </span>
      <div className={styles.titles}>
        <h1 className={styles.name}>{strings.appName}</h1>
        {directories.length <= 1 && <span className={styles.caption}>{current?.displayName ?? strings.appTagline}</span>}
      </div>
      {directories.length > 1 && (
        <Select id={selectId} className={styles.select} aria-label={strings.directory.label} value={directoryId ?? ''} onChange={(_e, data) => onDirectory(data.value)}>
          <option value={ALL_DIRECTORIES}>{strings.directory.all}</option>
          {directories.map((d) => (
            <option key={d.id} value={d.id}>
              {d.displayName}
            </option>
          ))}
        </Select>
      )}
      {onSettings && (
        <Button ref={settingsRef} className={styles.settings} appearance="subtle" icon={<Icon name="settings" />} aria-label={strings.settings.openLabel} title={strings.settings.open} onClick={onSettings} data-testid="open-settings" />
      )}
    </header>
  );
}
