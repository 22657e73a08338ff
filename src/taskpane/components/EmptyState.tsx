import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { JSX } from 'react';
import { Icon, type IconName } from './icons';

const useStyles = makeStyles({
  state: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
  },
  badge: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '56px',
    height: '56px',
    marginBottom: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
  },
  title: { ...typographyStyles.subtitle2, margin: 0 },
  body: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground3, maxWidth: '280px' },
  action: { marginTop: tokens.spacingVerticalM },
});

export interface EmptyStateProps {
  icon: IconName;
  title: string;
  body: string;
  action?: { label: string; onClick: () => void };
}

/** Welcome and "no results": an icon, a title, a line of help and maybe one action. */
export function EmptyState({ icon, title, body, action }: EmptyStateProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.state} data-testid="empty-state">
      <span className={styles.badge}>
        <Icon name={icon} size={28} />
      </span>
      <h2 className={styles.title}>{title}</h2>
      <p className={styles.body} role="status">
        {body}
      </p>
      {action && (
        <Button className={styles.action} appearance="secondary" icon={<Icon name="peopleList" />} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </div>
  );
}
