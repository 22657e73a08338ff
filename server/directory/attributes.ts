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
}

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
} as const;

export const DEFAULT_ATTRIBUTES: Record<'ad' | 'ldap', AttributeMap> = {
  ad: { ...COMMON, id: 'objectGUID', department: 'department', company: 'company', office: 'physicalDeliveryOfficeName', accountName: 'sAMAccountName' },
  ldap: { ...COMMON, id: 'entryUUID', department: 'departmentNumber', company: 'o', office: 'roomNumber', accountName: 'uid' },
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
