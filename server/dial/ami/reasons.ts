/**
 * The Reason of a failed OriginateResponse: the AST_CONTROL_* value of the last thing the first
 * channel (the user's phone) did, with 0 meaning it could not be reached at all.
 */
export const ORIGINATE_REASONS: Readonly<Record<string, string>> = {
  '0': 'the phone could not be reached (no such device, or the channel could not be created)',
  '1': 'the phone hung up',
  '3': 'the phone rang but nobody answered',
  '4': 'answered',
  '5': 'the phone is busy',
  '8': 'congestion: the phone or its line is not available',
};
