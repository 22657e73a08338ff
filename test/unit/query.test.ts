import { parseQuery, personMatches } from '../../server/directory/query';
import { DialpaneError } from '../../server/errors';
import type { Person } from '../../src/shared/api';

const jane: Person = {
  id: '1',
  displayName: 'Jane Doe',
  givenName: 'Jane',
  surname: 'Doe',
  mail: 'jdoe@monkey.com',
  accountName: 'jdoe',
  phones: [{ kind: 'telephoneNumber', label: 'Work', raw: '+1 (408) 555-0100', dialable: true, tel: 'tel:+1-408-555-0100', display: '+1 408 555 0100' }],
};
const jurgen: Person = { id: '2', displayName: 'Jürgen Müller', givenName: 'Jürgen', surname: 'Müller', phones: [] };

describe('search text', () => {
  it.each([
    ['Jan', jane, true],
    ['doe', jane, true],
    ['jdoe@', jane, true],
    ['Jane D', jane, true],
    ['ane', jane, false],
    ['5550100', jane, true],
    ['408 555-01', jane, true],
    ['555 0199', jane, false],
    ['mü', jurgen, true],
    ['MÜLLER', jurgen, true],
    ['*)(objectClass=*', jane, false],
  ])('when the user types %j, then matching %s is %s', (text, person, expected) => {
    expect(personMatches(person, parseQuery(text))).toBe(expected);
  });

  it.each([[undefined], ['a'], ['  b  '], ['x'.repeat(129)], [['a', 'b']]])('when the text is %j, then it is a bad query', (value) => {
    expect(() => parseQuery(value)).toThrow(DialpaneError);
    try {
      parseQuery(value);
    } catch (error) {
      expect((error as DialpaneError).code).toBe('BAD_QUERY');
    }
  });

  it('keeps digits only when the text looks like a phone number', () => {
    expect(parseQuery('+1 (408) 555').digits).toBe('1408555');
    expect(parseQuery('jdoe2').digits).toBeUndefined();
  });
});
