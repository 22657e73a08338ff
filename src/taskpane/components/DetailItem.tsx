import { Link, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import { Icon, type IconName } from './icons';

const ICON_PX = 16;

const useStyles = makeStyles({
  item: { display: 'flex', flexDirection: 'column' },
  label: { ...typographyStyles.caption1, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  icon: { flexShrink: 0 },
  value: { ...typographyStyles.body1, margin: 0, paddingLeft: `calc(${ICON_PX}px + ${tokens.spacingHorizontalS})`, overflowWrap: 'anywhere' },
});

export interface DetailItemProps {
  icon: IconName;
  label: string;
  value: string;
  /** Makes the value a link (mailto: for mail). */
  href?: string;
  /** Makes the value a button-link that acts in the pane (open the manager); `label` is its accessible name. */
  action?: { label: string; onClick: () => void };
}

/** One labelled fact about a person: a <dt>/<dd> pair grouped in a <div> of the card's <dl>. */
export function DetailItem({ icon, label, value, href, action }: DetailItemProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.item}>
      <dt className={styles.label}>
        <Icon name={icon} size={ICON_PX} className={styles.icon} />
        {label}
      </dt>
      <dd className={styles.value}>
        {action ? (
          <Link as="button" onClick={action.onClick} aria-label={action.label}>
            {value}
          </Link>
        ) : href ? (
          <Link href={href}>{value}</Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}
