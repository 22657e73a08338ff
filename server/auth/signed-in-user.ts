/**
 * Who is signed in, as the service knows it: the directory entry's stable id and the few
 * attributes a dialer may need to find the person's own phone ({user.ipPhone}, {user.account}).
 * It travels inside the signed token, so it holds nothing secret and stays small.
 */

/** Attributes a dialer's device template may name as {user.<name>}. */
export const USER_TEMPLATE_ATTRIBUTES = ['account', 'mail', 'ipPhone', 'telephoneNumber', 'mobile'] as const;
export type UserTemplateAttribute = (typeof USER_TEMPLATE_ATTRIBUTES)[number];
export type UserAttributes = Partial<Record<UserTemplateAttribute, string>>;

export interface SignedInUser {
  directoryId: string;
  /** The person id of the API (objectGUID on AD, entryUUID on OpenLDAP). */
  id: string;
  displayName: string;
  attributes: UserAttributes;
  /** When the person typed their password (seconds since the epoch); refreshes keep it. */
  authTime: number;
}
