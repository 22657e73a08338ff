/** Pure helpers of the pane: the primary number of a row, initials, and the theme chosen from Office's. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Person, Phone } from '../../src/shared/api';
import { initialsOf } from '../../src/taskpane/components/Initials';
import { phoneText, primaryPhone, roleLine } from '../../src/taskpane/people';
import { luminance, themeFor } from '../../src/taskpane/theme';

const work: Phone = { kind: 'telephoneNumber', label: 'Work', raw: 'see reception', dialable: false, reason: 'Not a phone number.' };
const mobile: Phone = { kind: 'mobile', label: 'Mobile', raw: '669-555-0100', dialable: true, tel: 'tel:+1-669-555-0100', display: '+1 669 555 0100' };
const ip: Phone = { kind: 'ipPhone', label: 'IP phone', raw: '4100', dialable: true, tel: 'tel:4100;phone-context=monkey.com', display: '4100' };
const person = (phones: Phone[], extra: Partial<Person> = {}): Person => ({ id: 'x', displayName: 'Jane Doe', phones, ...extra });

describe('primaryPhone', () => {
  test('when the work number cannot be dialed, then the first dialable one in kind order is primary', () => {
    expect(primaryPhone(person([ip, work, mobile]))).toBe(mobile);
  });
  test('when nothing is dialable, then the first number is still shown as text', () => {
    const only = primaryPhone(person([work]));
    expect(only).toBe(work);
    expect(only && phoneText(only)).toBe('see reception');
  });
  test('when there are no phones, then there is no primary number', () => {
    expect(primaryPhone(person([]))).toBeUndefined();
  });
});

describe('roleLine and initials', () => {
  test('title and department are joined, missing parts left out', () => {
    expect(roleLine(person([], { title: 'CEO', department: 'Executive' }))).toBe('CEO · Executive');
    expect(roleLine(person([], { department: 'Sales' }))).toBe('Sales');
  });
  test.each([
    ['Jane Doe', 'JD'],
    ['Jürgen Müller', 'JM'],
    ['Chris (CJ) Jones', 'CJ'],
    ['Taylor Varga 6', 'TV'],
    ['Administrator', 'A'],
    ['Doe, Jane', 'DJ'],
  ])('initials of %s are %s', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });
});

describe('themeFor (Office theme -> Fluent theme)', () => {
  test('without an Office theme (plain browser), the light theme', () => {
    expect(themeFor(null)).toBe(webLightTheme);
  });
  test('a dark Office body colour gives the dark theme with the host background', () => {
    const theme = themeFor({ bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#FFFFFF' });
    expect(theme.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
    expect(theme.colorNeutralBackground1).toBe('#1F1F1F');
    expect(theme.colorNeutralForeground1).toBe('#FFFFFF');
  });
  test('a light Office body colour gives the light theme', () => {
    expect(themeFor({ bodyBackgroundColor: '#ffffff' }).colorNeutralForeground2).toBe(webLightTheme.colorNeutralForeground2);
  });
  test('isDarkTheme wins over the colours, and odd colour values are ignored', () => {
    const theme = themeFor({ isDarkTheme: true, bodyBackgroundColor: 'rgb(0,0,0)' });
    expect(theme.colorNeutralBackground1).toBe(webDarkTheme.colorNeutralBackground1);
  });
  test('luminance of black and white', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('not a colour')).toBeUndefined();
  });
});
