/** Picks the Fluent theme: the Office theme when the host exposes one, else light. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The subset of `Office.context.officeTheme` the pane uses. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  /** Newer hosts say so directly. */
  isDarkTheme?: boolean;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** Relative luminance (WCAG) of a #rrggbb colour, or undefined when it is not one. */
export function luminance(color: string | undefined): number | undefined {
  const match = color ? HEX.exec(color.trim()) : null;
  if (!match?.[1]) return undefined;
  const value = parseInt(match[1], 16);
  const channel = (shift: number): number => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

const asHex = (color: string | undefined): string | undefined => {
  const match = color ? HEX.exec(color.trim()) : null;
  return match?.[1] ? `#${match[1]}` : undefined;
};

export function themeFor(office: OfficeThemeColors | null): Theme {
  if (!office) return webLightTheme;
  const bodyLuminance = luminance(office.bodyBackgroundColor);
  const dark = office.isDarkTheme ?? (bodyLuminance !== undefined && bodyLuminance < 0.2);
  const base = dark ? webDarkTheme : webLightTheme;
  // Blend into the host: take its body colours when they are plain hex values.
  const background = asHex(office.bodyBackgroundColor);
  const foreground = asHex(office.bodyForegroundColor);
  return {
    ...base,
    ...(background ? { colorNeutralBackground1: background } : {}),
    ...(foreground ? { colorNeutralForeground1: foreground } : {}),
  };
}
