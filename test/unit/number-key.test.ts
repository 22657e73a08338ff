/**
 * Reverse lookup keys (server/phone/number-key.ts): every spelling of one number, typed by a
 * phone system or held by the directory, has the same key; an internal extension is its own key.
 */
import { hasKey, NumberKeys, numberMapKey, sameNumber, type NumberKey } from '../../server/phone/number-key';
import { phones, numberKeys, PHONE_SETTINGS } from '../fixtures/index-people';

const SPELLINGS = ['+1 (408) 555-0100', '4085550100', '001 408 555 0100', '011 1 408 555 0100', '(408) 555-0100', '408.555.0100', 'tel:+1-408-555-0100', '+14085550100'];

const typed = (input: string): NumberKey => {
  const key = numberKeys.of(input);
  if (!hasKey(key)) throw new Error(`no key for ${input}: ${key.reason}`);
  return key;
};
const held = (raw: string): NumberKey | undefined => numberKeys.phoneKey(phones.phone('telephoneNumber', raw));

describe('number keys for reverse lookup', () => {
  it.each(SPELLINGS)('when %j is typed, then its key is +14085550100', (input) => {
    expect(typed(input)).toEqual({ e164: '+14085550100' });
    expect(numberMapKey(typed(input))).toBe('+14085550100');
  });

  it.each(SPELLINGS)('when the directory holds %j, then every spelling typed finds it', (raw) => {
    for (const input of SPELLINGS) expect(sameNumber(typed(input), held(raw))).toBe(true);
  });

  it('when an internal extension is typed or held, then it is an extension key, matched only by the same extension', () => {
    expect(typed('4100')).toEqual({ extension: '4100' });
    expect(typed(' 41-00 ')).toEqual({ extension: '4100' });
    expect(held('4100')).toEqual({ extension: '4100' });
    expect(numberMapKey(typed('4100'))).toBe('x4100');
    expect(sameNumber(typed('4100'), held('4100'))).toBe(true);
    expect(sameNumber(typed('4100'), held('4101'))).toBe(false);
    expect(sameNumber(typed('4100'), held('+1 408 555 4100'))).toBe(false);
  });

  it('when extensions are not dialable here (no phone.extensionContext), then they are still found', () => {
    const plain = new NumberKeys({ defaultCountry: 'US', extensionPattern: PHONE_SETTINGS.extensionPattern });
    expect(plain.of('4100')).toEqual({ extension: '4100' });
  });

  it('when a number carries an extension on one side only, then it is the same number; two different extensions are not', () => {
    expect(typed('+1 408 555 0100 x123')).toEqual({ e164: '+14085550100', ext: '123' });
    expect(sameNumber(typed('+1 408 555 0100'), held('+1 (408) 555-0100 x123'))).toBe(true);
    expect(sameNumber(typed('+1 408 555 0100 ext. 123'), held('+1 (408) 555-0100'))).toBe(true);
    expect(sameNumber(typed('+1 408 555 0100 x123'), held('408-555-0100 x123'))).toBe(true);
    expect(sameNumber(typed('+1 408 555 0100 x124'), held('408-555-0100 x123'))).toBe(false);
  });

  it('when the country differs, then it is another number', () => {
    expect(sameNumber(typed('+44 20 7946 0000'), held('020 7946 0000'))).toBe(false);
    const gb = new NumberKeys({ defaultCountry: 'GB', extensionPattern: PHONE_SETTINGS.extensionPattern });
    expect(gb.of('020 7946 0000')).toEqual({ e164: '+442079460000' });
    expect(typed('+44 (0)20 7946 0000')).toEqual({ e164: '+442079460000' });
  });

  it.each([
    ['see reception', 'not a phone number (no digits)'],
    ['12', 'too short to be a phone number (2 digits)'],
    ['+1 408 555 01', 'not a valid international number: check the country code and the number of digits'],
  ])('when %j is typed, then there is no key, with the reason', (input, reason) => {
    expect(numberKeys.of(input)).toEqual({ reason });
  });

  it('when the directory holds text that is no number, then it has no key and matches nothing', () => {
    expect(held('n/a')).toBeUndefined();
    expect(sameNumber(typed('4085550100'), held('n/a'))).toBe(false);
  });
});
