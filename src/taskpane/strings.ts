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
    all: 'All directories',
    partial: (names: string) => `Not searched: ${names}.`,
  },

  settings: {
    open: 'Settings',
    openLabel: 'Settings: test the directory connections',
    title: 'Settings',
    back: 'Back',
    backLabel: 'Back to the search',
    directories: 'Directories',
    intro: 'Test how the service reaches each directory: server, TLS, sign-in, search base and people.',
    test: 'Test connection',
    testLabel: (name: string) => `Test the connection to ${name}`,
    testing: 'Testing…',
    passed: 'Connection works',
    failed: 'Connection fails',
    fix: 'Fix',
    existing: 'Existing containers',
    stepStatus: { ok: 'OK', failed: 'Failed', skipped: 'Skipped' },
  },

  search: {
    label: 'Search people',
    placeholder: 'Search people',
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
    manager: 'Manager',
    openManagerLabel: (name: string) => `Open ${name}, the manager`,
    directory: 'Directory',
    sip: 'SIP',
    sipLabel: 'SIP address',
    callSipLabel: (address: string, name: string) => `Call ${name} at SIP address ${address}`,
  },
} as const;

export const clientMessages = {
  network: strings.error.network,
  badResponse: strings.error.badResponse,
};
