/**
 * A directory's index over time: the full load at start (in the background — the directory
 * answers live until it is ready), then a sync every `syncIntervalSeconds`, serialized (never two
 * at once), each swapping in a new snapshot (people-index.ts) only when something changed.
 *
 * Kinds of sync, chosen by count (documented in the README, "Directory index"):
 * - delta: the changes since the watermark (index-source.ts) — people added or changed, and people
 *   whose change made them leave the people filter;
 * - deletions, every `deletionCheckEvery` syncs: a delta plus the id of everyone under the search
 *   base, since deleted entries and entries moved out of the base show in no change search. People
 *   the index holds and the directory no longer lists leave; an id the index lacks means a change
 *   was missed, and the index reloads in full;
 * - full, at start, every `fullReloadEvery` syncs (a safety net; 0 = never again), and whenever
 *   the watermark cannot be used (another domain controller answered, its USN went back).
 *
 * A failed sync keeps the last snapshot (a directory that is down would fail live searches too)
 * and is reported by health with its error; a failed first load leaves the directory live and is
 * retried at the next interval.
 */
import type { IndexHealth, IndexSyncKind, IndexSyncReport } from '../../../src/shared/index-api';
import type { NumberKeys } from '../../phone/number-key';
import { Interner } from './interner';
import { IndexTooLargeError } from './index-errors';
import { indexRecord, type IndexRecord, type SourcePerson } from './index-record';
import type { IndexSource, Watermark } from './index-source';
import { PeopleIndex } from './people-index';
import { compareRanked, mergeChanges, sortInSlices } from './rank-order';

export interface IndexSettings {
  syncIntervalSeconds: number;
  deletionCheckEvery: number;
  fullReloadEvery: number;
  maxPeople: number;
}

export interface IndexLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

interface Counts {
  added: number;
  changed: number;
  removed: number;
}

const errorOf = (error: unknown): { code: string; message: string } => {
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'INDEX_SYNC_FAILED';
  return { code, message: error instanceof Error ? error.message : String(error) };
};

export class DirectoryIndex {
  private snapshot: PeopleIndex | undefined;
  private watermark: Watermark | undefined;
  private readonly intern = new Interner();
  private syncsSinceFull = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private loadedAt: Date | undefined;
  private syncedAt: Date | undefined;
  private lastSync: IndexSyncReport | undefined;
  private loading = false;
  /** After INDEX_TOO_LARGE: scheduled syncs are skipped until a full reload is due (outgrown()). */
  private waitForFullReload = false;

  constructor(
    readonly directoryId: string,
    private readonly source: IndexSource,
    private readonly keys: NumberKeys,
    readonly settings: IndexSettings,
    private readonly logger?: IndexLogger,
  ) {}

  /** The snapshot to answer from, or undefined while the first load runs (or failed). */
  get current(): PeopleIndex | undefined {
    return this.snapshot;
  }

  get readsAddresses(): boolean {
    return this.source.readsAddresses;
  }

  private firstLoad: Promise<IndexSyncReport> | undefined;

  /** Starts the first load in the background and the periodic syncs. */
  start(): void {
    if (this.timer !== undefined || this.closed) return;
    this.firstLoad = this.sync();
    this.timer = setInterval(() => void this.sync(), this.settings.syncIntervalSeconds * 1000);
    this.timer.unref();
  }

  /** The report of the first load (started by start(), or now). */
  loaded(): Promise<IndexSyncReport> {
    this.firstLoad ??= this.sync();
    return this.firstLoad;
  }

  /**
   * Runs one sync after any running one; resolves with its report (it never rejects: failures are
   * in the report). Without `kind`, the schedule above decides. Tests call this instead of waiting.
   */
  sync(kind?: IndexSyncKind): Promise<IndexSyncReport> {
    const run = this.queue.then(() => (kind === undefined && this.skipScheduled() ? (this.lastSync as IndexSyncReport) : this.runSync(kind)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The search base holds more than maxPeople: answer live rather than from an index that can no
   * longer follow the directory, and don't re-read everyone at every interval only to fail again —
   * try once more at the next scheduled full reload (never when there is none: raise maxPeople and
   * restart).
   */
  private outgrown(): void {
    this.snapshot = undefined;
    this.watermark = undefined;
    this.syncsSinceFull = 0;
    this.waitForFullReload = true;
  }

  private chooseKind(): IndexSyncKind {
    if (this.snapshot === undefined || this.watermark === undefined) return 'full';
    const n = this.syncsSinceFull + 1;
    if (this.settings.fullReloadEvery > 0 && n % this.settings.fullReloadEvery === 0) return 'full';
    if (this.settings.deletionCheckEvery > 0 && n % this.settings.deletionCheckEvery === 0) return 'deletions';
    return 'delta';
  }

  /** True while an outgrown index waits for its next full reload; counts the skipped sync. */
  private skipScheduled(): boolean {
    if (!this.waitForFullReload || this.lastSync === undefined) return false;
    this.syncsSinceFull++;
    if (this.settings.fullReloadEvery > 0 && this.syncsSinceFull >= this.settings.fullReloadEvery) {
      this.waitForFullReload = false;
      return false;
    }
    return true;
  }

  private async runSync(requested: IndexSyncKind | undefined): Promise<IndexSyncReport> {
    const kind = requested === undefined || this.snapshot === undefined || this.watermark === undefined ? this.chooseKind() : requested;
    const startedAt = new Date();
    const started = performance.now();
    let counts: Counts = { added: 0, changed: 0, removed: 0 };
    let ranAs = kind;
    let error: { code: string; message: string } | undefined;
    if (this.closed) return { kind, ok: false, at: startedAt.toISOString(), durationMs: 0, people: this.snapshot?.size ?? 0, added: 0, changed: 0, removed: 0, error: { code: 'INDEX_CLOSED', message: 'the directory was closed' } };
    try {
      if (kind === 'full') {
        counts = await this.fullLoad();
      } else {
        const delta = await this.delta();
        if (delta === 'reload') {
          ranAs = 'full';
          counts = await this.fullLoad();
        } else {
          counts = delta;
          if (kind === 'deletions') {
            const swept = await this.sweep();
            if (swept === 'reload') {
              ranAs = 'full';
              counts = await this.fullLoad();
            } else {
              counts.removed += swept;
            }
          }
        }
      }
      this.syncsSinceFull = ranAs === 'full' ? 0 : this.syncsSinceFull + 1;
    } catch (caught) {
      error = errorOf(caught);
      if (caught instanceof IndexTooLargeError) this.outgrown();
      this.logger?.warn({ directory: this.directoryId, kind, code: error.code }, `index ${kind} sync failed: ${error.message}`);
    }
    const report: IndexSyncReport = {
      kind: ranAs,
      ok: error === undefined,
      at: startedAt.toISOString(),
      durationMs: Math.round(performance.now() - started),
      people: this.snapshot?.size ?? 0,
      ...counts,
      ...(error ? { error } : {}),
    };
    this.lastSync = report;
    if (report.ok) this.syncedAt = startedAt;
    if (report.ok && (ranAs === 'full' || counts.added + counts.changed + counts.removed > 0)) {
      this.logger?.info({ directory: this.directoryId, ...report }, `index ${ranAs} sync: ${report.people} people`);
    }
    return report;
  }

  /** Reads everyone and swaps in a new snapshot; records whose content did not change are reused. */
  private async fullLoad(): Promise<Counts> {
    this.loading = true;
    try {
      const previous = this.snapshot;
      const old = new Map<string, IndexRecord>();
      if (previous) for (const r of previous.records) old.set(r.id, r);
      const records: IndexRecord[] = [];
      const seen = new Set<string>();
      const counts: Counts = { added: 0, changed: 0, removed: 0 };
      const watermark = await this.source.loadAll((people) => {
        for (const person of people) {
          if (seen.has(person.person.id)) continue; // the same entry twice (a referral chased by a proxy): once
          seen.add(person.person.id);
          if (seen.size > this.settings.maxPeople) throw new IndexTooLargeError(this.settings.maxPeople);
          const fresh = indexRecord(person, this.keys, this.intern);
          const before = old.get(fresh.id);
          if (before === undefined) counts.added++;
          else if (!sameContent(before, fresh)) counts.changed++;
          records.push(before !== undefined && sameContent(before, fresh) ? before : fresh);
        }
      });
      if (previous) for (const id of old.keys()) if (!seen.has(id)) counts.removed++;
      this.snapshot = await PeopleIndex.build(await sortInSlices(records, compareRanked));
      this.watermark = watermark;
      this.loadedAt = new Date();
      return counts;
    } finally {
      this.loading = false;
    }
  }

  private async delta(): Promise<Counts | 'reload'> {
    const snapshot = this.snapshot as PeopleIndex;
    const changes = await this.source.changesSince(this.watermark as Watermark);
    if (changes === 'reload') return 'reload';
    const present = new Map<string, IndexRecord>();
    const counts: Counts = { added: 0, changed: 0, removed: 0 };
    const upserts: IndexRecord[] = [];
    const drop = new Set<string>();
    if (changes.changed.length + changes.gone.length > 0) {
      for (const r of snapshot.records) present.set(r.id, r);
      for (const person of dedupe(changes.changed)) {
        const fresh = indexRecord(person, this.keys, this.intern);
        const before = present.get(fresh.id);
        if (before !== undefined && sameContent(before, fresh)) continue; // stamp moved, nothing we show changed
        if (before === undefined) counts.added++;
        else counts.changed++;
        drop.add(fresh.id);
        upserts.push(fresh);
      }
      for (const id of changes.gone) {
        if (present.has(id) && !drop.has(id)) {
          drop.add(id);
          counts.removed++;
        }
      }
      if (snapshot.size - counts.removed + counts.added > this.settings.maxPeople) throw new IndexTooLargeError(this.settings.maxPeople);
    }
    if (drop.size > 0) this.snapshot = await PeopleIndex.build(mergeChanges(snapshot.records, (r) => drop.has(r.id), upserts, compareRanked));
    this.watermark = changes.watermark;
    return counts;
  }

  /** Drops people no longer under the search base; 'reload' when the directory has people the index lacks. */
  private async sweep(): Promise<number | 'reload'> {
    const ids = await this.source.allIds();
    const snapshot = this.snapshot as PeopleIndex;
    let known = 0;
    let removed = 0;
    for (const r of snapshot.records) {
      if (ids.has(r.id)) known++;
      else removed++;
    }
    if (known < ids.size) return 'reload';
    if (removed > 0) this.snapshot = await PeopleIndex.build(snapshot.records.filter((r) => ids.has(r.id)));
    return removed;
  }

  health(): IndexHealth {
    const state = this.snapshot !== undefined ? 'ready' : this.loading || this.lastSync === undefined ? 'loading' : 'failed';
    return {
      state,
      people: this.snapshot?.size ?? 0,
      loadedAt: this.loadedAt?.toISOString() ?? null,
      syncedAt: this.syncedAt?.toISOString() ?? null,
      ageSeconds: this.syncedAt === undefined ? null : Math.round((Date.now() - this.syncedAt.getTime()) / 1000),
      lastSync: this.lastSync ?? null,
      syncIntervalSeconds: this.settings.syncIntervalSeconds,
    };
  }

  /** Stops the schedule and waits for a running sync to end. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.queue;
    await this.source.close();
  }
}

function sameContent(a: IndexRecord, b: IndexRecord): boolean {
  return a.json === b.json && a.emails === b.emails && a.mailCount === b.mailCount;
}

/** The last version of each person when a change search returned one twice. */
function dedupe(people: readonly SourcePerson[]): SourcePerson[] {
  const byId = new Map<string, SourcePerson>();
  for (const p of people) byId.set(p.person.id, p);
  return [...byId.values()];
}
