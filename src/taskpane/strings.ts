/** Every string the pane shows or announces, in one place (English; one file to translate). */
import { SEARCH_MIN_LENGTH } from '../shared/api';

const count = new Intl.NumberFormat('en-US');
const people = (n: number): string => `${count.format(n)} ${n === 1 ? 'person' : 'people'}`;

export const strings = {
  appName: 'Dialpane',
  appTagline: 'Company directory',

  directory: {
    label: 'Directory',
    loading: 'Connecting to the directory service…',
  },

  search: {
    label: 'Search people',
    placeholder: 'Name, email or number',
    showAll: 'Show all',
    showAllLabel: 'Show all people in the directory',
  },

  welcome: {
    title: 'Find a colleague',
    body: 'Search by name, email, account or part of a phone number, then call them in one click.',
    tooShort: (typed: number) => `Type ${SEARCH_MIN_LENGTH - typed} more character${SEARCH_MIN_LENGTH - typed === 1 ? '' : 's'} to search.`,
  },

  results: {
    listLabel: (total: string) => `People, ${total}`,
    searching: 'Searching…',
    loadingAll: 'Loading the directory…',
    count: (n: number) => people(n),
    more: (n: number) => `First ${people(n)} — type more to narrow the search`,
    allComplete: (n: number) => `All ${people(n)}`,
    allPartial: (n: number) => `${people(n)} loaded — more load as you scroll`,
    loadingMore: 'Loading more people…',
    noResultsTitle: (query: string) => `No one matches “${query}”`,
    noResultsBody: 'Check the spelling, try a first or last name, or search part of a phone number.',
    noPeopleTitle: 'This directory is empty',
    noPeopleBody: 'The search base holds nobody Dialpane can show.',
    noNumber: 'No phone number',
  },

  error: {
    title: 'Something went wrong',
    retry: 'Try again',
    code: (code: string) => `Error code ${code}`,
    network: {
      message: 'The Dialpane service did not answer.',
      hint: 'Check your network connection and that the Dialpane service is running, then try again.',
    },
    badResponse: (status: number) => ({
      message: `The Dialpane service gave an answer the pane cannot read (HTTP ${status}).`,
      hint: 'A proxy may be in the way: make sure /api reaches the Dialpane service.',
    }),
    detailsStale: 'Showing the details from the list; they could not be refreshed.',
  },

  signIn: {
    title: 'Sign in',
    body: 'Use your company account, as you sign in to Windows.',
    directory: 'Directory',
    username: 'User name',
    usernameHint: 'jdoe, jdoe@example.com or DOMAIN\\jdoe',
    password: 'Password',
    submit: 'Sign in',
    signingIn: 'Signing in…',
    loading: 'Connecting to the Dialpane service…',
    signOut: 'Sign out',
    signOutLabel: (name: string) => `Sign out ${name}`,
    signedInAs: (name: string) => `Signed in as ${name}`,
  },

  person: {
    back: 'Back',
    backLabel: 'Back to the results',
    regionLabel: (name: string) => `Details of ${name}`,
    phones: 'Phone',
    details: 'Details',
    noPhones: 'The directory has no phone number for this person.',
    office: 'Office',
    mail: 'Email',
    account: 'Account',
    call: 'Call',
    callLabel: (label: string, number: string, name: string) => `Call ${name}, ${label}, ${number}`,
    copy: 'Copy',
    copyLabel: (what: string, value: string) => `Copy ${what} ${value}`,
    copied: 'Copied',
    copiedAnnouncement: (value: string) => `Copied ${value} to the clipboard`,
    copyFailed: 'Press Ctrl+C to copy',
    copyFailedAnnouncement: 'Copying is blocked here. The number is selected: press Ctrl+C to copy it.',
    notDialable: 'Cannot be dialed',
    rawValue: (raw: string) => `In the directory: ${raw}`,
  },
} as const;

export const clientMessages = {
  network: strings.error.network,
  badResponse: strings.error.badResponse,
};
