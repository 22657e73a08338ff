/**
 * WebDialer's documented status result codes (Cisco WebDialer API reference, "SOAP response result
 * codes"), with what a user can do about each. makeCallSoap and getProfileDetailSoap share the table,
 * except that getProfileDetailSoap uses 1 for "No device configured for the user".
 */

export interface ResponseCode {
  description: string;
  hint: string;
}

const RETRY = 'The phone system is busy: try again in a moment.';

export const MAKE_CALL_CODES: Readonly<Record<number, ResponseCode>> = {
  0: { description: 'Success', hint: '' },
  1: { description: 'Call failure error', hint: 'The phone could not start the call: check that it is registered and not busy.' },
  2: { description: 'User authentication error', hint: 'Check user and the password (passwordEnv or passwordFile) of this WebDialer dialer.' },
  3: { description: 'No authentication proxy rights', hint: 'The WebDialer user needs the role "Standard EM Authentication Proxy Rights" to call for other users.' },
  4: { description: 'Directory error', hint: 'Unified CM could not read its directory: ask your phone administrator.' },
  5: {
    description: 'No device is configured for the user, or missing parameters exist in the request.',
    hint: 'Choose your phone and line (GET /api/dialers/:id/devices lists them), or set profile.deviceName.',
  },
  6: { description: 'Service temporarily unavailable', hint: RETRY },
  7: { description: 'Destination cannot be reached.', hint: 'Check the number, and the dial rules that rewrote it.' },
  8: { description: 'Service error', hint: 'WebDialer reported an internal error: ask your phone administrator.' },
  9: { description: 'Service overloaded', hint: RETRY },
};

export const PROFILE_CODES: Readonly<Record<number, ResponseCode>> = {
  ...MAKE_CALL_CODES,
  1: { description: 'No device configured for the user', hint: 'Ask your phone administrator to associate a phone with your user.' },
};
