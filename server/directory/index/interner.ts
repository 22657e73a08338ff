/**
 * One string object per distinct value: thousands of people share a given name or a surname, and
 * every LDAP entry arrives with its own copies. Kept for the life of an index (values of people
 * who left stay; bounded by the number of distinct values, which is small for names).
 */
export class Interner {
  private readonly strings = new Map<string, string>();

  of(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  get size(): number {
    return this.strings.size;
  }
}
