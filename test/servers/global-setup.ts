/**
 * Placeholder so jest can start in the `dial` worktree: the real setup (Samba AD DC and slapd for the
 * integration and e2e projects) is written on main. When merging, keep main's version of this file.
 */
export default async function globalSetup(): Promise<void> {}
