// The limits ssh2 does not enforce by itself, with defaults sized for a
// workshop: a whole room may sit behind one address (a NAT), so the per-address
// budgets allow a room's worth of connections at once, and only a sustained
// stream from one address runs out.

export interface Limits {
  /** Connections still logging in (TCP accepted, not yet in a session), across all addresses. */
  maxUnauthenticated: number;
  /** From TCP accept to the start of a session: connections that never speak SSH, or never log in, are closed. */
  loginGraceMs: number;
  /** Failed authentication tries per connection (then it is closed), as OpenSSH's MaxAuthTries. */
  maxAuthTries: number;
  /** A failed try is answered after this long (slows guessing; 0 in tests). */
  failDelayMs: number;
  /** New connections per address: a burst of this many… */
  connectBurst: number;
  /** …then this many per second. */
  connectPerSecond: number;
  /** Failed logins per address: a burst of this many… */
  failBurst: number;
  /** …then this many per second; an address with none left is refused until it has some again. */
  failPerSecond: number;
  /** How long the client has to close after the goodbye before the server closes the connection. */
  closeGraceMs: number;
  /** After SIGTERM, how long learners' connections get to close before they are cut. */
  shutdownGraceMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxUnauthenticated: 128,
  loginGraceMs: 60_000,
  maxAuthTries: 6,
  failDelayMs: 300,
  connectBurst: 300,
  connectPerSecond: 10,
  failBurst: 200,
  failPerSecond: 2,
  closeGraceMs: 2000,
  shutdownGraceMs: 2000,
};

/** A token bucket per key (an address), forgotten once full again. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  private level(key: string): { tokens: number; at: number } {
    const t = this.now();
    const b = this.buckets.get(key);
    if (!b) return { tokens: this.burst, at: t };
    const tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    return { tokens, at: t };
  }

  /** Whether `key` has a token left; takes it if so. */
  take(key: string): boolean {
    const b = this.level(key);
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    this.sweep();
    return true;
  }

  /** Whether `key` has a token left, without taking it. */
  has(key: string): boolean {
    return this.level(key).tokens >= 1;
  }

  private sweep(): void {
    if (this.buckets.size < 1024) return;
    for (const key of [...this.buckets.keys()]) if (this.level(key).tokens >= this.burst) this.buckets.delete(key);
  }
}
