/**
 * Generated colleagues for the benchmarks: as many as asked (100,000 for slapd, 10,000 for Samba),
 * deterministic, with unique names drawn from realistic given names and surnames (so prefixes
 * spread like a real company's: a two-letter prefix matches hundreds of people, a surname a few
 * dozen), unique account names and numbers in the formats directories hold.
 */
import type { FixturePerson } from '../test/fixtures/people';

export const BENCH_GIVEN = [
  'Aaron', 'Abigail', 'Adam', 'Adrian', 'Aisha', 'Alan', 'Alberto', 'Alex', 'Alice', 'Amara', 'Amelia', 'Amir', 'Ana', 'Andrea', 'Andrew', 'Angela', 'Anna', 'Anton',
  'Arjun', 'Astrid', 'Ava', 'Beatriz', 'Ben', 'Bianca', 'Boris', 'Brian', 'Bruno', 'Camila', 'Carla', 'Carlos', 'Caroline', 'Catherine', 'Chen', 'Chloe', 'Claire',
  'Daniel', 'David', 'Diana', 'Diego', 'Dmitri', 'Eduardo', 'Elena', 'Eli', 'Elif', 'Elizabeth', 'Emil', 'Emily', 'Emma', 'Eric', 'Erik', 'Esther', 'Ethan', 'Eva',
  'Fatima', 'Felix', 'Fernando', 'Fiona', 'Francesca', 'Frank', 'Gabriel', 'George', 'Giulia', 'Grace', 'Hana', 'Hannah', 'Harper', 'Hassan', 'Helen', 'Henrik',
  'Hiroshi', 'Hugo', 'Ian', 'Ibrahim', 'Ingrid', 'Isaac', 'Isabel', 'Ivan', 'Jack', 'Jacob', 'James', 'Jan', 'Javier', 'Jennifer', 'Jessica', 'Ji-woo', 'Joanna',
  'Jonas', 'Jorge', 'Julia', 'Kai', 'Karim', 'Karina', 'Kate', 'Kenji', 'Laura', 'Leila', 'Leo', 'Liam', 'Lina', 'Lucas', 'Lucia', 'Luis', 'Maja', 'Marco', 'Maria',
  'Mark', 'Martin', 'Maya', 'Mei', 'Michael', 'Miguel', 'Mila', 'Mohammed', 'Nadia', 'Naomi', 'Nathan', 'Nikolai', 'Nina', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oscar',
  'Paul', 'Paula', 'Pedro', 'Peter', 'Rachel', 'Rafael', 'Rahul', 'Rebecca', 'Ricardo', 'Rosa', 'Ryan', 'Sara', 'Sebastian', 'Sofia', 'Stefan', 'Susan', 'Tariq',
  'Thomas', 'Tomás', 'Valentina', 'Victor', 'Wei', 'William', 'Yara', 'Yusuf', 'Zoe',
] as const;

const SURNAME_STARTS = ['Ab', 'Ber', 'Cal', 'Dor', 'Eck', 'Fal', 'Gar', 'Hal', 'Ing', 'Jor', 'Kel', 'Lan', 'Mar', 'Nor', 'Ost', 'Pal', 'Quin', 'Ros', 'Sal', 'Tor', 'Ul', 'Van', 'Wal', 'Yor', 'Zel', 'Bran', 'Cres', 'Dal', 'Fer', 'Hol', 'Lind', 'Mont', 'Stein', 'Whit', 'Ash', 'Kov', 'Nak', 'Oka', 'Pet', 'Sch'];
const SURNAME_ENDS = ['ley', 'berg', 'ton', 'ford', 'man', 'son', 'stein', 'ez', 'ini', 'ova', 'ski', 'wood', 'field', 'ham', 'mura', 'moto', 'sen', 'dottir', 'ridge', 'er', 'ana', 'eau', 'ov', 'ic', 'well'];
export const BENCH_SURNAMES = SURNAME_STARTS.flatMap((s) => SURNAME_ENDS.map((e) => `${s}${e}`));

const DEPARTMENTS: Record<string, readonly string[]> = {
  Sales: ['Account Executive', 'Sales Engineer', 'Sales Manager'],
  Engineering: ['Software Engineer', 'Engineering Manager', 'Site Reliability Engineer', 'QA Engineer'],
  Support: ['Support Specialist', 'Support Lead'],
  Finance: ['Accountant', 'Controller'],
  'Human Resources': ['HR Partner', 'Recruiter'],
  Marketing: ['Marketing Manager', 'Content Writer'],
  Operations: ['Operations Analyst', 'Facilities Coordinator'],
};
const OFFICES = ['San Jose HQ', 'Austin', 'London', 'Munich', 'Remote'];

/** Account names of bench people: `b000001` …; never a prefix the tests search. */
export const benchAccount = (i: number): string => `b${String(i + 1).padStart(6, '0')}`;

/** `count` people (at most given names × surnames), the same on every machine. */
export function benchPeople(count: number): FixturePerson[] {
  const max = BENCH_GIVEN.length * BENCH_SURNAMES.length;
  if (count > max) throw new Error(`benchPeople: at most ${max} unique names, asked for ${count}`);
  const people: FixturePerson[] = [];
  const departments = Object.keys(DEPARTMENTS);
  for (let i = 0; i < count; i++) {
    // A stride coprime to the grid size walks every (given, surname) pair once, well mixed.
    const cell = (i * 7919) % max;
    const givenName = BENCH_GIVEN[cell % BENCH_GIVEN.length] as string;
    const sn = BENCH_SURNAMES[Math.floor(cell / BENCH_GIVEN.length)] as string;
    const department = departments[i % departments.length] as string;
    const titles = DEPARTMENTS[department] as readonly string[];
    // Unique ten-digit numbers: exchange 200-219 by the ten thousands, line by the rest.
    const exchange = 200 + Math.floor(i / 10_000);
    const line = String(i % 10_000).padStart(4, '0');
    const formats = [`+1 408 ${exchange} ${line}`, `+1 (408) ${exchange}-${line}`, `408.${exchange}.${line}`, `(408) ${exchange}-${line}`];
    const person: FixturePerson = {
      cn: `${givenName} ${sn}`,
      givenName,
      sn,
      displayName: `${givenName} ${sn}`,
      account: benchAccount(i),
      title: titles[i % titles.length] as string,
      department,
      office: OFFICES[i % OFFICES.length] as string,
      telephoneNumber: formats[i % formats.length] as string,
    };
    if (i % 5 < 2) person.mobile = `+1 669 ${exchange} ${line}`;
    if (i % 10 < 3) person.ipPhone = String(100_000 + i);
    people.push(person);
  }
  return people;
}
