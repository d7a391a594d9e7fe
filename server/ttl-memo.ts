import "server-only";

/**
 * Entries by key with a TTL, least recently used evicted once full (a Map keeps insertion order;
 * a hit re-inserts its key). `generation` moves on every forget, so a read that raced a forget
 * stores nothing. Shared by what the server keeps briefly per instance: sessions
 * (server/auth/session-memo.ts) and a pocket's recent earnings (server/pockets/overview.ts).
 */
export class TtlMemo<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private forgets = 0;

  constructor(private readonly opts: { ttlMs: number; max: number; now?: () => number }) {}

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  get size() {
    return this.entries.size;
  }

  /** Changes whenever an entry is forgotten: read it before a load, hand it to `set` after. */
  get generation() {
    return this.forgets;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores unless something was forgotten since `generation` was read (it may concern this). */
  set(key: string, value: V, generation: number): void {
    if (generation !== this.forgets) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.opts.ttlMs });
    while (this.entries.size > this.opts.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  forget(key: string): void {
    this.forgets++;
    this.entries.delete(key);
  }
}
