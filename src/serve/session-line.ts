// The line of sessions waiting to start, in a thread that draws learners'
// apps: a render thread (render-thread.ts) or, with `--workers 0`, the
// server's own thread (session.ts). One app is started per turn of the event
// loop; keys and window changes for started apps are handled as they come.
import type { OpenSession } from './render-protocol.js';

/** What the line does with a session once its app has started. */
export interface StartedSession {
  keys(data: Uint8Array): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

/** A session whose app has not started yet, and what came for it meanwhile. */
interface Waiting<O> {
  open: O;
  keys: Uint8Array[];
  bytes: number;
  size?: { cols: number; rows: number };
}

/** What the line needs of a session waiting to start: its id, and how many bytes of keys its input would keep. */
export interface LineEntry {
  id: number;
  input: { maxPending: number };
  cols?: number;
  rows?: number;
}

/**
 * A render thread's sessions (or, with `--workers 0`, the server's own thread's), and those waiting to start. A learner's key comes before another learner's first
 * frame: a new session waits in line and one is started per turn of the event loop (`schedule`), while keys and
 * window changes are handled as they come. When a room arrives at once, keys are then not held up behind every
 * start still queued, each of which draws a whole first frame. What comes for a session still waiting (keys,
 * its window's size) is kept for it, the keys up to what its input would keep.
 */
export class SessionLine<S extends StartedSession, O extends LineEntry = OpenSession> {
  readonly started = new Map<number, S>();
  private readonly waiting = new Map<number, Waiting<O>>();
  private scheduled = false;

  constructor(
    /** Starts the app (undefined: it could not, and whoever must know has been told). */
    private readonly start: (open: O) => S | undefined,
    private readonly schedule: (fn: () => void) => void = (fn) => setImmediate(fn),
  ) {}

  /** Sessions waiting to start. */
  get queued(): number {
    return this.waiting.size;
  }

  open(open: O): void {
    this.waiting.set(open.id, { open, keys: [], bytes: 0 });
    this.next();
  }

  private next(): void {
    if (this.scheduled || this.waiting.size === 0) return;
    this.scheduled = true;
    this.schedule(this.startOne);
  }

  private readonly startOne = () => {
    this.scheduled = false;
    const first = this.waiting.values().next();
    if (first.done) return;
    const w = first.value;
    this.waiting.delete(w.open.id);
    this.next();
    const session = this.start({ ...w.open, ...w.size });
    if (!session) return;
    this.started.set(w.open.id, session);
    for (const keys of w.keys) session.keys(keys);
  };

  keys(id: number, data: Uint8Array): void {
    const session = this.started.get(id);
    if (session) {
      session.keys(data);
      return;
    }
    const w = this.waiting.get(id);
    if (w && w.bytes + data.byteLength <= w.open.input.maxPending) {
      w.keys.push(data);
      w.bytes += data.byteLength;
    }
  }

  resize(id: number, cols: number, rows: number): void {
    const session = this.started.get(id);
    if (session) {
      session.resize(cols, rows);
      return;
    }
    const w = this.waiting.get(id);
    if (w) w.size = { cols, rows };
  }

  /** Ends the session; false if there was none (or it had not started: then it never will). */
  close(id: number): boolean {
    this.waiting.delete(id);
    const session = this.started.get(id);
    this.started.delete(id);
    session?.close();
    return session !== undefined;
  }
}
