import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { JSX } from 'react';

/**
 * A round badge with a person's initials in a colour derived from their name. Fluent's Avatar
 * draws the same, but brings presence badges and their icons (about 10 KB gzip of the initial
 * bundle) that a directory has no use for.
 */
const PALETTE = ['Berry', 'Blue', 'Cornflower', 'Cranberry', 'DarkGreen', 'DarkOrange', 'Forest', 'Grape', 'Lavender', 'LightTeal', 'Magenta', 'Marigold', 'Navy', 'Peach', 'Pink', 'Plum', 'Pumpkin', 'Purple', 'RoyalBlue', 'Seafoam', 'Steel', 'Teal'] as const;
type PaletteName = (typeof PALETTE)[number];

const colour = (name: PaletteName) => ({
  backgroundColor: tokens[`colorPalette${name}Background2`],
  color: tokens[`colorPalette${name}Foreground2`],
});

const useColours = makeStyles(Object.fromEntries(PALETTE.map((name) => [name, colour(name)])) as Record<PaletteName, ReturnType<typeof colour>>);

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusCircular,
    fontWeight: tokens.fontWeightSemibold,
    userSelect: 'none',
  },
  medium: { width: '36px', height: '36px', fontSize: tokens.fontSizeBase300 },
  large: { width: '72px', height: '72px', fontSize: tokens.fontSizeBase600 },
  photo: { width: '100%', height: '100%', borderRadius: tokens.borderRadiusCircular, objectFit: 'cover' },
});

/** Up to two letters: the first letters of the first and last words that start with a letter. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s,()]+/).filter((w) => /^\p{L}/u.test(w));
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase();
}

/** A stable palette colour for a name (the same name always gets the same colour). */
function paletteFor(name: string): PaletteName {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? 'Blue';
}

export interface InitialsProps {
  name: string;
  /** 36 px in lists, 72 px on the person card. */
  size: 'medium' | 'large';
  /** The directory's photo; without one the initials show. */
  photoSrc?: string | undefined;
  className?: string;
  'data-testid'?: string;
}

/** Decorative: the name is always written next to it, so it is hidden from assistive technology. */
export function Initials({ name, size, photoSrc, className, 'data-testid': testId }: InitialsProps): JSX.Element {
  const styles = useStyles();
  const colours = useColours();
  return (
    <span
      className={mergeClasses(styles.badge, styles[size], colours[paletteFor(name)], className)}
      aria-hidden="true"
      data-testid={testId}
    >
      {photoSrc ? <img className={styles.photo} src={photoSrc} alt="" /> : initialsOf(name)}
    </span>
  );
}
