import { Button, makeStyles, SearchBox, tokens } from '@fluentui/react-components';
import type { JSX, KeyboardEvent, Ref } from 'react';
import { strings } from '../strings';
import { Icon } from './icons';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
  },
  box: { flex: 1, minWidth: 0, maxWidth: 'none' },
  showAll: { flexShrink: 0 },
});

export interface SearchBarProps {
  ref?: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  onShowAll: () => void;
  /** Show All is what the list shows now. */
  showAllActive: boolean;
  /** ArrowDown in the box moves into the result list. */
  onArrowDown: () => void;
}

export function SearchBar({ ref, value, onChange, onShowAll, showAllActive, onArrowDown }: SearchBarProps): JSX.Element {
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onArrowDown();
    } else if (event.key === 'Escape' && value !== '') {
      event.preventDefault();
      onChange('');
    }
  };
  return (
    <div className={styles.bar} role="search">
      <SearchBox
        ref={ref}
        className={styles.box}
        value={value}
        placeholder={strings.search.placeholder}
        aria-label={strings.search.label}
        onChange={(_e, data) => onChange(data.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      <Button
        className={styles.showAll}
        icon={<Icon name="peopleList" />}
        appearance={showAllActive ? 'primary' : 'secondary'}
        aria-pressed={showAllActive}
        aria-label={strings.search.showAllLabel}
        onClick={onShowAll}
      >
        {strings.search.showAll}
      </Button>
    </div>
  );
}
