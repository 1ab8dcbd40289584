// The progress file: read once at start, written after every graded answer and
// on exit. Writes are atomic (temporary file, fsync, rename) and merged with
// what is on disk under a lock file, so two nettutor processes sharing one file
// lose no completed exercise. Everything here is synchronous so it can run
// inside a signal handler, and nothing here throws.
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { LocalText } from '../core/i18n/localize.js';
import { emptyProgress, mergeProgress, parseProgress } from '../core/progress/merge.js';
import { noticeText } from './notices.js';
import type { Progress } from '../core/progress/types.js';

/** Loads a Node built-in when first needed (process.getBuiltinModule is not in every Node 20). */
const requireBuiltin = createRequire(import.meta.url);

export interface ProgressStore {
  readonly file: string;
  /** The progress on disk, and notices for the learner (in every language: see ./notices.ts) when it is unusable. */
  load(): { progress: Progress; notices: LocalText[] };
  /**
   * Writes progress merged with what is on disk; `replace` writes it as it is (for a reset).
   * Nothing is written without the lock: when another process holds it for longer than the
   * wait, the save fails and the caller tries again later.
   */
  save(progress: Progress, options?: { replace?: boolean }): { ok: true } | { ok: false; error: string };
}

/** The points of a save where another process can come between (named for tests). */
export type SaveCheckpoint =
  /** The lock is held by a live process: this save starts waiting. */
  | 'waiting'
  /** The lock was left by a process that is gone: this save is about to break it. */
  | 'stale'
  /** The file on disk was read and merged; the merged progress is about to be written. */
  | 'merged';

export interface ProgressStoreOptions {
  /** How long a save waits for another process's lock before it fails (default 2 s). */
  lockWaitMs?: number;
  /** Called at each checkpoint of a save; tests use it to make two processes interleave. */
  checkpoint?: (point: SaveCheckpoint) => void;
  /**
   * The thread that saves, when it is not the main one (a worker thread's `threadId`): the workshop server saves
   * from several threads of one process, and a lock held by another thread of this process is a live one.
   */
  thread?: number;
}

/** A lock whose owner is not a live process on this machine is stale after this long (a save takes milliseconds). */
const LOCK_STALE_MS = 5000;
/** Any lock this old is stale, even if a process with its owner's pid is alive (the pid was reused). */
const LOCK_ABANDONED_MS = 30_000;
const LOCK_WAIT_MS = 2000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function message(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${e.path ?? 'file'})`;
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
      return `a part of the path is not a folder (${e.path ?? ''})`;
    case 'EISDIR':
      return 'the path is a folder, not a file';
    default:
      return e?.message ?? String(error);
  }
}

type ReadResult =
  | { kind: 'missing' }
  | { kind: 'ok'; progress: Progress }
  /** The content cannot be used: the file is moved aside. */
  | { kind: 'bad'; reason: string }
  /** The file cannot be read at all (a folder, no permission): it is left alone. */
  | { kind: 'unreadable'; reason: string };

function read(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: message(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'bad', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  const parsed = parseProgress(json);
  if ('error' in parsed)
    return parsed.newer ? { kind: 'unreadable', reason: parsed.error } : { kind: 'bad', reason: parsed.error };
  return { kind: 'ok', progress: parsed };
}

// The lock. A lock file is created exclusively (O_EXCL) and names its owner:
// pid, host and a random id. A lock whose owner is gone is stale; two processes
// may find the same stale lock at once, so breaking it is itself exclusive: only
// the process that creates `<lock>.break-<id of the stale lock>` may delete the
// lock, and only after checking, while it holds that, that the lock file is
// still the stale one (not a fresh lock another process took meanwhile). A
// save writes only while it holds the lock, and checks that it still does just
// before the rename.

interface LockOwner {
  pid: number;
  host: string;
  id: string;
  /** The thread of that process (absent: the main thread). */
  thread?: number;
}

interface LockFile {
  /** Names this lock file and no other: its owner's id, or (before the owner is written) its inode and time. */
  key: string;
  owner?: LockOwner;
  ageMs: number;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (
      Number.isInteger(o.pid) &&
      (o.pid as number) > 0 &&
      typeof o.host === 'string' &&
      typeof o.id === 'string' &&
      /^[\w-]{1,64}$/.test(o.id)
    )
      return {
        pid: o.pid as number,
        host: o.host,
        id: o.id,
        ...(Number.isInteger(o.thread) && (o.thread as number) > 0 ? { thread: o.thread as number } : {}),
      };
  } catch {
    // An empty or half-written lock file: judged by its age alone.
  }
  return undefined;
}

/** The lock file as it is now; undefined when there is none. Throws when it cannot be read. */
function readLock(lock: string): LockFile | undefined {
  let fd: number;
  try {
    fd = openSync(lock, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    const owner = parseOwner(readFileSync(fd, 'utf8'));
    return {
      key: owner?.id ?? `${stat.ino}-${Math.round(stat.mtimeMs)}`,
      owner,
      ageMs: Date.now() - stat.mtimeMs,
    };
  } finally {
    closeSync(fd);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(lock: LockFile, thread: number): boolean {
  if (lock.ageMs > LOCK_ABANDONED_MS) return true;
  const owner = lock.owner;
  if (owner && owner.host === hostname()) {
    if (owner.pid === process.pid) {
      // This thread never holds the lock between saves, so a lock naming its pid and thread but not its id was
      // left by an earlier process with the same pid. Another thread of this process may be saving right now:
      // its lock is stale only once it is old (that thread was stopped in the middle of a save).
      if ((owner.thread ?? 0) === thread) return true;
      return lock.ageMs > LOCK_STALE_MS;
    }
    if (processAlive(owner.pid)) return false;
    return true;
  }
  return lock.ageMs > LOCK_STALE_MS;
}

/** Creates `path` only if it does not exist, holding `owner`; false if it exists. */
function createExclusive(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify({ ...owner, at: new Date().toISOString() }));
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
  return true;
}

/** Deletes the lock if it is still the stale one named by `key`; true if the lock is gone. */
function breakStaleLock(lock: string, key: string, me: LockOwner): boolean {
  const breaker = `${lock}.break-${key}`;
  try {
    if (!createExclusive(breaker, me)) {
      // Another process is breaking this lock. If that process died in the few system calls it takes, its
      // breaker goes stale in turn and is removed, so the lock can be broken again.
      const other = readLock(breaker);
      if (other && isStale(other, me.thread ?? 0)) rmSync(breaker, { force: true });
      return false;
    }
  } catch {
    return false;
  }
  try {
    const now = readLock(lock);
    if (now === undefined) return true;
    if (now.key !== key) return false;
    unlinkSync(lock);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(breaker, { force: true });
  }
}

function acquireLock(
  lock: string,
  waitMs: number,
  checkpoint: (point: SaveCheckpoint) => void,
  thread: number,
): { ok: true; id: string } | { ok: false; error: string } {
  // node:crypto is loaded only when a save first takes the lock: loading it costs a few milliseconds, which the
  // tutorial's start (that reads the progress) would otherwise spend before its first frame.
  const { randomUUID } = requireBuiltin('node:crypto') as typeof import('node:crypto');
  const me: LockOwner = { pid: process.pid, host: hostname(), id: randomUUID(), ...(thread > 0 ? { thread } : {}) };
  const deadline = Date.now() + waitMs;
  let waiting = false;
  let holder = '';
  for (;;) {
    let again = false;
    try {
      if (createExclusive(lock, me)) return { ok: true, id: me.id };
      const held = readLock(lock);
      if (held === undefined) {
        again = true; // released meanwhile
      } else if (isStale(held, thread)) {
        checkpoint('stale');
        again = breakStaleLock(lock, held.key, me);
      } else {
        const owner = held.owner;
        holder = owner ? ` (pid ${owner.pid}${owner.host === me.host ? '' : ` on ${owner.host}`})` : '';
        if (!waiting) {
          waiting = true;
          checkpoint('waiting');
        }
      }
    } catch (error) {
      return { ok: false, error: `cannot lock ${lock}: ${message(error)}` };
    }
    if (Date.now() >= deadline) {
      return {
        ok: false,
        error: `another nettutor${holder} is saving to the same file: its lock ${lock} was still held after ${waitMs / 1000} s; not saved this time`,
      };
    }
    if (!again) sleepSync(10);
  }
}

/** Whether this process still holds the lock it took as `id`. */
function holdsLock(lock: string, id: string): boolean {
  try {
    return readLock(lock)?.owner?.id === id;
  } catch {
    return false;
  }
}

function releaseLock(lock: string, id: string): void {
  if (holdsLock(lock, id)) rmSync(lock, { force: true });
}

/** Where an unusable progress file is moved: beside it, named with the time. */
function asideName(file: string): string {
  return `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

export function openProgressStore(file: string, storeOptions: ProgressStoreOptions = {}): ProgressStore {
  const dir = dirname(file);
  const lock = `${file}.lock`;
  const checkpoint = storeOptions.checkpoint ?? (() => {});
  const lockWaitMs = storeOptions.lockWaitMs ?? LOCK_WAIT_MS;
  const thread = storeOptions.thread ?? 0;
  return {
    file,
    load() {
      const r = read(file);
      if (r.kind === 'missing') return { progress: emptyProgress(), notices: [] };
      if (r.kind === 'ok') return { progress: r.progress, notices: [] };
      if (r.kind === 'unreadable') {
        return {
          progress: emptyProgress(),
          notices: [noticeText('progressUnreadable', file, r.reason)],
        };
      }
      const aside = asideName(file);
      try {
        renameSync(file, aside);
        return {
          progress: emptyProgress(),
          notices: [noticeText('progressMovedAside', r.reason, aside)],
        };
      } catch (error) {
        return {
          progress: emptyProgress(),
          notices: [noticeText('progressNotMoved', file, r.reason, message(error))],
        };
      }
    },
    save(progress, options = {}) {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        return { ok: false, error: `cannot create ${dir}: ${message(error)}` };
      }
      const locked = acquireLock(lock, lockWaitMs, checkpoint, thread);
      if (!locked.ok) return locked;
      const tmp = join(dir, `.${basename(file)}.${process.pid}${thread > 0 ? `-${thread}` : ''}.${Date.now()}.tmp`);
      try {
        // Merge with what another process may have written since we loaded.
        const onDisk = read(file);
        if (onDisk.kind === 'unreadable') {
          // Never write over what cannot be read (a newer nettutor's file, a folder): it would be lost.
          return { ok: false, error: `${file} was not overwritten: ${onDisk.reason}` };
        }
        if (onDisk.kind === 'bad') renameSync(file, asideName(file));
        const merged = onDisk.kind === 'ok' && !options.replace ? mergeProgress(progress, onDisk.progress) : progress;
        checkpoint('merged');
        const fd = openSync(tmp, 'w', 0o644);
        try {
          writeSync(fd, `${JSON.stringify(merged, null, 2)}\n`);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        // A lock is broken only once its owner is gone or it is very old; should that ever happen to this one,
        // another process may have written since the merge, so this save must not go ahead.
        if (!holdsLock(lock, locked.id)) {
          rmSync(tmp, { force: true });
          return { ok: false, error: `the lock ${lock} was taken over by another process; not saved this time` };
        }
        renameSync(tmp, file);
        try {
          const dfd = openSync(dir, 'r');
          try {
            fsyncSync(dfd);
          } finally {
            closeSync(dfd);
          }
        } catch {
          // Not every platform can fsync a folder; the rename is already atomic.
        }
        return { ok: true };
      } catch (error) {
        rmSync(tmp, { force: true });
        return { ok: false, error: message(error) };
      } finally {
        releaseLock(lock, locked.id);
      }
    },
  };
}
