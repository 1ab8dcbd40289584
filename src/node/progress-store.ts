// The progress file: read once at start, written after every graded answer and
// on exit. Writes are atomic (temporary file, fsync, rename) and merged with
// what is on disk under a lock file, so two nettutor processes sharing one file
// lose no completed exercise. Everything here is synchronous so it can run
// inside a signal handler, and nothing here throws.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { emptyProgress, mergeProgress, parseProgress } from '../core/progress/merge.js';
import type { Progress } from '../core/progress/types.js';

export interface ProgressStore {
  readonly file: string;
  load(): { progress: Progress; notices: string[] };
  /** Writes progress merged with what is on disk; `replace` writes it as it is (for a reset). */
  save(progress: Progress, options?: { replace?: boolean }): { ok: true } | { ok: false; error: string };
}

const LOCK_STALE_MS = 5000;
const LOCK_WAIT_MS = 1000;

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

function acquireLock(lock: string): boolean {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) {
          unlinkSync(lock);
          continue;
        }
      } catch {
        continue;
      }
      if (Date.now() > deadline) return false;
      sleepSync(10);
    }
  }
}

/** Where an unusable progress file is moved: beside it, named with the time. */
function asideName(file: string): string {
  return `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

export function openProgressStore(file: string): ProgressStore {
  const dir = dirname(file);
  const lock = `${file}.lock`;
  return {
    file,
    load() {
      const r = read(file);
      if (r.kind === 'missing') return { progress: emptyProgress(), notices: [] };
      if (r.kind === 'ok') return { progress: r.progress, notices: [] };
      if (r.kind === 'unreadable') {
        return {
          progress: emptyProgress(),
          notices: [
            `Your progress file ${file} cannot be read (${r.reason}); it is left as it is, and this session's progress may not be saved.`,
          ],
        };
      }
      const aside = asideName(file);
      try {
        renameSync(file, aside);
        return {
          progress: emptyProgress(),
          notices: [
            `Your progress file could not be used (${r.reason}); it was moved to ${aside} and you start afresh.`,
          ],
        };
      } catch (error) {
        return {
          progress: emptyProgress(),
          notices: [
            `Your progress file ${file} could not be used (${r.reason}) nor moved aside (${message(error)}); progress will not be saved over it.`,
          ],
        };
      }
    },
    save(progress, options = {}) {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        return { ok: false, error: `cannot create ${dir}: ${message(error)}` };
      }
      const locked = acquireLock(lock);
      const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
      try {
        // Merge with what another process may have written since we loaded.
        const onDisk = read(file);
        if (onDisk.kind === 'unreadable') {
          // Never write over what cannot be read (a newer nettutor's file, a folder): it would be lost.
          return { ok: false, error: `${file} was not overwritten: ${onDisk.reason}` };
        }
        if (onDisk.kind === 'bad') renameSync(file, asideName(file));
        const merged = onDisk.kind === 'ok' && !options.replace ? mergeProgress(progress, onDisk.progress) : progress;
        const fd = openSync(tmp, 'w', 0o644);
        try {
          writeSync(fd, `${JSON.stringify(merged, null, 2)}\n`);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
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
        if (locked) rmSync(lock, { force: true });
      }
    },
  };
}
