/**
 * The search-as-you-type mix of the benchmarks, drawn from the generated people: what a person
 * types on the way to a colleague — 2, 3 and 5 letters of a given name or a surname, a full
 * name, "Given Sur" (two words), an account name, and 4 to 7 digits of a number — in a fixed
 * order, the same in every run.
 */
import type { FixturePerson } from '../test/fixtures/people';

export function benchQueries(people: readonly FixturePerson[], count = 64): string[] {
  const queries: string[] = [];
  for (let i = 0; queries.length < count; i++) {
    const p = people[(i * 7717) % people.length] as FixturePerson;
    const digits = (p.telephoneNumber ?? '').replace(/\D/g, '');
    const kinds = [
      p.givenName.slice(0, 2),
      p.sn.slice(0, 3),
      p.givenName.slice(0, 5),
      p.sn.slice(0, 5),
      p.displayName,
      `${p.givenName} ${p.sn.slice(0, 2)}`,
      p.account,
      digits.slice(-4),
      digits.slice(-7),
    ];
    queries.push(kinds[i % kinds.length] as string);
  }
  return queries;
}
