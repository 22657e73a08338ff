import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import type { Person } from '../../shared/api';
import { phoneText, primaryPhone, roleLine } from '../people';
import { strings } from '../strings';
import { Icon } from './icons';
import { Initials } from './Initials';

/** Fixed row height in px: the virtualizer needs no measuring. */
export const ROW_HEIGHT = 68;

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

const useStyles = makeStyles({
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `0 ${tokens.spacingHorizontalL}`,
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected } },
  focused: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: 1 },
  name: { ...typographyStyles.body1Strong, ...ellipsis },
  role: { ...typographyStyles.caption1, ...ellipsis, color: tokens.colorNeutralForeground3 },
  number: { ...typographyStyles.caption1, ...ellipsis, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  none: { color: tokens.colorNeutralForeground4, fontStyle: 'italic' },
  numberIcon: { flexShrink: 0, color: tokens.colorBrandForeground1 },
});

export interface PersonRowProps {
  id: string;
  person: Person;
  /** Offset from the top of the list, in px (from the virtualizer). */
  start: number;
  active: boolean;
  focused: boolean;
  position: number;
  /** Total rows, or -1 while Show All is still loading. */
  setSize: number;
  onClick: () => void;
}

/** One result: avatar, name, "title · department", primary number. An option of the listbox. */
export function PersonRow({ id, person, start, active, focused, position, setSize, onClick }: PersonRowProps): JSX.Element {
  const styles = useStyles();
  const phone = primaryPhone(person);
  const role = roleLine(person);
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      aria-posinset={position}
      aria-setsize={setSize}
      className={mergeClasses(styles.row, active && styles.active, focused && styles.focused)}
      style={{ transform: `translateY(${start}px)` }}
      onClick={onClick}
      data-person-id={person.id}
    >
      <Initials name={person.displayName} size="medium" />
      <div className={styles.text}>
        <span className={styles.name}>{person.displayName}</span>
        {role && <span className={styles.role}>{role}</span>}
        {phone ? (
          <span className={styles.number}>
            <Icon name="callSmall" size={12} className={styles.numberIcon} />
            {phoneText(phone)}
          </span>
        ) : (
          <span className={mergeClasses(styles.number, styles.none)}>{strings.results.noNumber}</span>
        )}
      </div>
    </div>
  );
}
