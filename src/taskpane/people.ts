/** Small pure helpers about people and phones, shared by the list and the card. */
import { PHONE_KINDS, type Phone, type Person } from '../shared/api';

const kindOrder = (phone: Phone): number => PHONE_KINDS.indexOf(phone.kind);

/** The number a list row shows: the first dialable one in PHONE_KINDS order, else the first at all. */
export function primaryPhone(person: Person): Phone | undefined {
  const sorted = [...person.phones].sort((a, b) => kindOrder(a) - kindOrder(b));
  return sorted.find((p) => p.dialable) ?? sorted[0];
}

/** What to show (and copy) for a phone: the pretty international form, or the raw text. */
export const phoneText = (phone: Phone): string => (phone.dialable ? phone.display : phone.raw);

/** "Title · Department", leaving out what is missing. */
export const roleLine = (person: Person): string => [person.title, person.department].filter(Boolean).join(' · ');
