import { dialRuleSchema, type DialRuleConfig } from '../../server/config/dial-schema';
import { dialString } from '../../server/dial/dial-string';
import { DialRules, type DialContext } from '../../server/dial/rules';
import { TargetResolver } from '../../server/dial/target';
import { DialpaneError } from '../../server/errors';
import { PhoneNormalizer } from '../../server/phone/normalize';

const targets = new TargetResolver(new PhoneNormalizer({ defaultCountry: 'US', extensionPattern: '^[0-9]{3,6}$' }), '^[0-9]{3,6}$');
const rules = (list: unknown[]): DialRuleConfig[] => list.map((r) => dialRuleSchema.parse(r));

/** A US office behind a PBX: 01xx are internal, 9 gets an outside line, 011 for other countries. */
const office = new DialRules(rules([{ kind: 'internal', match: '+1 408 555 01xx', dial: '01xx' }, { kind: 'external', country: 'US', outsideLine: '9' }]), 'US');
const plain = new DialRules([], 'US');

function dial(engine: DialRules, raw: string, context: Partial<DialContext> = {}, separator?: string) {
  const plan = engine.plan(targets.resolve(raw), { internationalPrefix: '011', applyRules: true, ...context });
  return dialString(plan, separator === undefined ? undefined : { separator });
}

describe('dial rules', () => {
  it.each([
    ['+1 408 555 0123', '0123', 'will dial 0123'],
    ['+1 408 555 0200', '914085550200', 'will dial 9 1 408 555 0200'],
    ['(650) 555-0100', '916505550100', 'will dial 9 1 650 555 0100'],
    ['+386 1 555 0100', '901138615550100', 'will dial 9 011 386 1 555 01 00'],
    ['+44 (0)20 7946 0000', '9011442079460000', 'will dial 9 011 44 20 7946 0000'],
    ['0049 30 1234567', '901149301234567', 'will dial 9 011 49 30 1234567'],
    ['4567', '4567', 'will dial 4567'],
  ])('when a US office dials %j, then it dials %s', (raw, dialed, preview) => {
    expect(dial(office, raw)).toEqual({ dialed, preview });
  });

  it('when an internal range is not configured, then +1 408 555 0100 is dialed through the outside line with the trunk prefix', () => {
    const outside = new DialRules(rules([{ kind: 'external', country: 'US', outsideLine: '9' }]), 'US');
    expect(dial(outside, '+1 408 555 0100')).toEqual({ dialed: '914085550100', preview: 'will dial 9 1 408 555 0100' });
  });

  it('when the number has an extension on one of our own numbers, then the extension alone is dialed', () => {
    expect(dial(office, '+1 408 555 0100 x123')).toEqual({ dialed: '123', preview: 'will dial 123' });
  });

  it('when an outside number has an extension and the dialer pauses with ",", then the extension follows the pause', () => {
    expect(dial(office, '+1 650 555 0100 x77', {}, ',')).toEqual({ dialed: '916505550100,77', preview: 'will dial 9 1 650 555 0100, then 77' });
  });

  it('when the dialer cannot send an extension, then it is not dropped: the user is told to key it in', () => {
    expect(dial(office, '+1 650 555 0100 ext. 77')).toEqual({
      dialed: '916505550100',
      preview: 'will dial 9 1 650 555 0100; key in extension 77 when the call connects',
      dialAfterConnect: '77',
    });
  });

  describe('when no rule matches, the dialer\'s own international form is used and + is never dropped', () => {
    it.each([
      ['+', '+386 1 555 0100', '+38615550100', 'will dial +386 1 555 01 00'],
      ['00', '+44 (0)20 7946 0000', '00442079460000', 'will dial 00 44 20 7946 0000'],
      ['011', '+1 408 555 0100', '01114085550100', 'will dial 011 1 408 555 0100'],
    ])('with a dialer taking %j, %j dials %s', (prefix, raw, dialed, preview) => {
      expect(dial(plain, raw, { internationalPrefix: prefix })).toEqual({ dialed, preview });
    });
  });

  it('when the phone system is in the UK, then a London number is dialed nationally with the trunk zero', () => {
    const london = new DialRules(rules([{ kind: 'external', country: 'GB', outsideLine: '9' }]), 'US');
    expect(dial(london, '+44 (0)20 7946 0000')).toEqual({ dialed: '902079460000', preview: 'will dial 9 0 20 7946 0000' });
  });

  it('when the phone system is in Italy, then the leading 0 belongs to the number and no trunk prefix is added', () => {
    const rome = new DialRules(rules([{ kind: 'external', country: 'IT', outsideLine: '0' }]), 'US');
    expect(dial(rome, '+39 06 1234 5678')).toEqual({ dialed: '00612345678', preview: 'will dial 0 06 1234 5678' });
  });

  it('when trunkPrefix is "", then national numbers are dialed without one (10-digit dialing)', () => {
    const tenDigit = new DialRules(rules([{ kind: 'external', country: 'US', outsideLine: '9', trunkPrefix: '' }]), 'US');
    expect(dial(tenDigit, '+1 408 555 0200')).toEqual({ dialed: '94085550200', preview: 'will dial 9 408 555 0200' });
  });

  it('when sameCountry is international, then national numbers are dialed in international form too', () => {
    const always = new DialRules(rules([{ kind: 'external', country: 'US', outsideLine: '9', sameCountry: 'international', international: '00' }]), 'US');
    expect(dial(always, '+1 408 555 0200')).toEqual({ dialed: '90014085550200', preview: 'will dial 9 00 1 408 555 0200' });
  });

  it('when a rule keeps "+" and the dialer takes "+", then the number is dialed with +', () => {
    const keep = new DialRules(rules([{ kind: 'external', country: 'US', international: '+' }]), 'US');
    expect(dial(keep, '+44 20 7946 0000', { internationalPrefix: '+' })).toEqual({ dialed: '+442079460000', preview: 'will dial +44 20 7946 0000' });
  });

  it('when the dialer takes +, then the outside line is not put before it', () => {
    expect(dial(office, '+44 20 7946 0000', { internationalPrefix: '+' })).toEqual({ dialed: '+442079460000', preview: 'will dial +44 20 7946 0000' });
    expect(dial(office, '+1 650 555 0100', { internationalPrefix: '+' })).toEqual({ dialed: '916505550100', preview: 'will dial 9 1 650 555 0100' });
  });

  it('when a rule matches only +1 numbers, then other numbers fall through to the default', () => {
    const nanp = new DialRules(rules([{ kind: 'external', match: '+1*', country: 'US', outsideLine: '9' }]), 'US');
    expect(dial(nanp, '+1 408 555 0200')).toEqual({ dialed: '914085550200', preview: 'will dial 9 1 408 555 0200' });
    expect(dial(nanp, '+44 20 7946 0000')).toEqual({ dialed: '011442079460000', preview: 'will dial 011 44 20 7946 0000' });
  });

  it('when rules come in order, then the first match decides', () => {
    const ordered = new DialRules(rules([{ kind: 'external', match: '+1 408*', country: 'US', outsideLine: '8' }, { kind: 'external', country: 'US', outsideLine: '9' }]), 'US');
    expect(dial(ordered, '+1 408 555 0200').dialed).toBe('814085550200');
    expect(dial(ordered, '+1 650 555 0200').dialed).toBe('916505550200');
  });

  it('when a rule names directories, then it applies to people from them and never to typed numbers', () => {
    const scoped = new DialRules(rules([{ kind: 'internal', match: '+1 408 555 xxxx', dial: '5xxxx', directories: ['corp'] }]), 'US');
    expect(dial(scoped, '+1 408 555 0200', { directoryId: 'corp' }).dialed).toBe('50200');
    expect(dial(scoped, '+1 408 555 0200', { directoryId: 'partners' }).dialed).toBe('01114085550200');
    expect(dial(scoped, '+1 408 555 0200').dialed).toBe('01114085550200');
  });

  it('when a dialer does not apply dial rules, then the number goes in its international form', () => {
    expect(dial(office, '+1 408 555 0123', { internationalPrefix: '+', applyRules: false })).toEqual({ dialed: '+14085550123', preview: 'will dial +1 408 555 0123' });
  });

  it('when the target is a SIP address, then it is dialed as is', () => {
    expect(dial(office, 'sip:müller@pbx.example.test')).toEqual({ dialed: 'sip:müller@pbx.example.test', preview: 'will call sip:müller@pbx.example.test' });
  });

  it.each([
    ['n/a', 'This number cannot be dialed: not a phone number (no digits).'],
    ['see reception', 'This number cannot be dialed: not a phone number (no digits).'],
    ['555-0100', 'This number cannot be dialed: not a valid number for US: write it with +country code.'],
    ['sip:pbx.example.test', 'This number cannot be dialed: not a SIP address: write it as sip:user@host.'],
  ])('when the value is %j, then it is not dialable and says why', (raw, message) => {
    expect(() => targets.resolve(raw)).toThrow(message);
    try {
      targets.resolve(raw);
    } catch (error) {
      expect((error as DialpaneError).code).toBe('NOT_DIALABLE');
      expect((error as DialpaneError).status).toBe(422);
    }
  });
});
