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
    placeholder: 'Search people',
    showAll: 'Show all',
    showAllLabel: 'Show all people in the directory',
  },

  welcome: {
    title: 'Find a colleague',
    body: 'Search by name, email, account or part of a phone number, then call them in one click.',
    tooShort: (typed: number) => `Type ${SEARCH_MIN_LENGTH - typed} more character${SEARCH_MIN_LENGTH - typed === 1 ? '' : 's'} to search.`,
  },

  message: {
    heading: 'In this message',
    headingCount: (n: number) => `In this message · ${count.format(n)}`,
    regionLabel: 'People in the open message',
    collapse: 'Hide the people in this message',
    expand: 'Show the people in this message',
    selectTitle: 'Select a message',
    selectBody: 'Dialpane shows who wrote and received the message you select.',
    otherItem: 'Dialpane shows the people of email messages. Select a message.',
    reading: 'Reading the message…',
    readFailed: (reason: string) => `Outlook did not give the message’s people: ${reason}`,
    noRecipients: 'Add recipients to see who they are.',
    nobody: 'This message names nobody.',
    lookingUp: 'Looking up…',
    notInDirectory: 'Not in the directory',
    notLookedUp: 'Could not be looked up',
    noAddress: 'No email address',
    you: 'You',
    roles: { from: 'From', sender: 'Sent by', to: 'To', cc: 'Cc', bcc: 'Bcc' },
    openLabel: (name: string) => `Show details of ${name}`,
    lookupFailed: 'The people in this message could not be looked up.',
    partial: (names: string) => `Not searched: ${names}. Some people may be missing.`,
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
  },

  dial: {
    callWithLabel: (label: string, number: string, name: string, dialer: string) => `Call ${name}, ${label}, ${number}, with ${dialer}`,
    sheetLabel: (name: string) => `Call ${name}`,
    back: 'Back',
    backLabel: 'Close the call without calling',
    title: (name: string) => `Call ${name}`,
    callWith: 'Call with',
    myDevice: 'My phone',
    myDeviceHint: (fallback: string | undefined) => (fallback ? `Device or extension; ${fallback} when empty` : 'Device or extension'),
    myDeviceInvalid: 'Use letters, digits and . _ @ : ; / + # * - only.',
    myLine: 'Line',
    loadingDevices: 'Loading your phones…',
    previewHeading: 'What will be dialed',
    previewLoading: 'Working out what to dial…',
    call: 'Call',
    calling: 'Calling…',
    callAgain: 'Call again',
    tryAgain: 'Try again',
    openApp: 'Call',
    handedOver: (dialer: string) => `Handed to ${dialer}.`,
    outcome: {
      ringing: 'Ringing',
      ringingBody: (dialer: string) => `${dialer} is setting up the call.`,
      queued: 'Queued',
      queuedBody: (dialer: string) => `${dialer} took the call request; your phone rings shortly.`,
    },
    failedTitle: 'The call was not placed',
    notSaved: 'Your phone choice could not be saved; it lasts until the pane closes.',
  },
} as const;

export const clientMessages = {
  network: strings.error.network,
  badResponse: strings.error.badResponse,
};
