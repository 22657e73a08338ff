import { PhoneNormalizer } from '../../server/phone/normalize';

const us = new PhoneNormalizer({ defaultCountry: 'US', extensionPattern: '^[0-9]{3,6}$' });
const withExtensions = new PhoneNormalizer({ defaultCountry: 'US', extensionPattern: '^[0-9]{3,6}$', extensionContext: 'monkey.com' });

describe('phone normalization to RFC 3966 tel: URIs', () => {
  it.each([
    ['+44 (0)20 7946 0000', 'tel:+44-20-7946-0000'],
    ['+1 (408) 555-0100 x123', 'tel:+1-408-555-0100;ext=123'],
    ['408.555.0100', 'tel:+1-408-555-0100'],
    ['+386 1 555 0100', 'tel:+386-1-555-01-00'],
    ['(408) 555-0100', 'tel:+1-408-555-0100'],
    ['+1 408 555 0100 ext. 99', 'tel:+1-408-555-0100;ext=99'],
    ['001 408 555 0100', 'tel:+1-408-555-0100'],
    ['011 44 20 7946 0000', 'tel:+44-20-7946-0000'],
    ['0049 30 1234567', 'tel:+49-30-1234567'],
    ['+49 (0) 30 1234567', 'tel:+49-30-1234567'],
    ['tel:+1-408-555-0199;ext=7', 'tel:+1-408-555-0199;ext=7'],
    ['  +1 408 555 0100  ', 'tel:+1-408-555-0100'],
  ])('when the directory holds %j, then it dials %s', (raw, tel) => {
    expect(us.normalize(raw)).toMatchObject({ dialable: true, tel });
  });

  it('when the number has a country code, then it is kept whatever the default country', () => {
    const slovenia = new PhoneNormalizer({ defaultCountry: 'GB', extensionPattern: '^[0-9]{3,6}$' });
    expect(slovenia.normalize('+386 1 555 0100')).toMatchObject({ dialable: true, e164: '+38615550100' });
  });

  it('when the default country is GB, then a national number gets +44', () => {
    const gb = new PhoneNormalizer({ defaultCountry: 'GB', extensionPattern: '^[0-9]{3,6}$' });
    expect(gb.normalize('020 7946 0000')).toMatchObject({ dialable: true, tel: 'tel:+44-20-7946-0000' });
  });

  it.each([
    ['n/a', 'not a phone number (no digits)'],
    ['see reception', 'not a phone number (no digits)'],
    ['', 'the value is empty'],
    ['12', 'too short to be a phone number (2 digits)'],
    ['555-0100', 'not a valid number for US: write it with +country code'],
    ['+1 408 555 01', 'not a valid international number: check the country code and the number of digits'],
  ])('when the directory holds %j, then it is shown as text with the reason', (raw, reason) => {
    expect(us.normalize(raw)).toEqual({ dialable: false, reason });
  });

  it('when a value is an internal extension and no context is configured, then it is not dialable and says how to fix it', () => {
    expect(us.normalize('4567')).toEqual({ dialable: false, reason: 'an internal extension; set phone.extensionContext to make extensions callable' });
  });

  it('when an extension context is configured, then an extension dials as a local tel: URI', () => {
    expect(withExtensions.normalize('45-67')).toEqual({ dialable: true, tel: 'tel:4567;phone-context=monkey.com', display: '4567' });
  });

  it('labels each phone attribute and keeps the raw value', () => {
    expect(us.phone('mobile', '+1 (669) 555-0100')).toEqual({
      kind: 'mobile',
      label: 'Mobile',
      raw: '+1 (669) 555-0100',
      dialable: true,
      tel: 'tel:+1-669-555-0100',
      display: '+1 669 555 0100',
    });
    expect(us.phone('homePhone', 'n/a')).toEqual({ kind: 'homePhone', label: 'Home', raw: 'n/a', dialable: false, reason: 'not a phone number (no digits)' });
  });
});
