/** Which directory attribute holds each field, by directory kind, with the admin's overrides applied. */
import type { PhoneKind } from '../../src/shared/api';

export interface AttributeMap {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  title: string;
  department: string;
  company: string;
  office: string;
  mail: string;
  accountName: string;
  telephoneNumber: string;
  mobile: string;
  ipPhone: string;
  homePhone: string;
  otherTelephone: string;
  /** Bytes of a JPEG; read for a person's details and the photo route only, never for lists. */
  photo: string;
  /** A DN; resolved to a name on a person's details only. */
  manager: string;
  sipAddress: string;
  proxyAddresses: string;
}

/** Fields read only when one person is opened: a photo is kilobytes, a manager costs a second search. */
export const DETAIL_FIELDS = ['photo', 'manager'] as const satisfies ReadonlyArray<keyof AttributeMap>;

const COMMON = {
  displayName: 'displayName',
  givenName: 'givenName',
  surname: 'sn',
  title: 'title',
  mail: 'mail',
  telephoneNumber: 'telephoneNumber',
  mobile: 'mobile',
  ipPhone: 'ipPhone',
  homePhone: 'homePhone',
  otherTelephone: 'otherTelephone',
  manager: 'manager',
  // Lync / Skype for Business schema; other directories simply do not have it.
  sipAddress: 'msRTCSIP-PrimaryUserAddress',
  proxyAddresses: 'proxyAddresses',
} as const;

export const DEFAULT_ATTRIBUTES: Record<'ad' | 'ldap', AttributeMap> = {
  ad: { ...COMMON, id: 'objectGUID', department: 'department', company: 'company', office: 'physicalDeliveryOfficeName', accountName: 'sAMAccountName', photo: 'thumbnailPhoto' },
  ldap: { ...COMMON, id: 'entryUUID', department: 'departmentNumber', company: 'o', office: 'roomNumber', accountName: 'uid', photo: 'jpegPhoto' },
};

export function attributeMap(kind: 'ad' | 'ldap', overrides: Partial<AttributeMap> = {}): AttributeMap {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<AttributeMap>;
  return { ...DEFAULT_ATTRIBUTES[kind], ...defined };
}

export const PHONE_LABELS: Record<PhoneKind, string> = {
  telephoneNumber: 'Work',
  mobile: 'Mobile',
  ipPhone: 'IP phone',
  homePhone: 'Home',
  otherTelephone: 'Other',
};

/** Fields matched by prefix in search as you type. */
export const SEARCHED_FIELDS = ['displayName', 'givenName', 'surname', 'mail', 'accountName'] as const;
