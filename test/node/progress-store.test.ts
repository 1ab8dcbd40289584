import { english } from '../../src/node/notices.js';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyProgress, recordAnswer } from '../../src/core/progress/merge.js';
import { defaultProgressPath } from '../../src/node/data-dir.js';
import { openProgressStore } from '../../src/node/progress-store.js';

const at = '2026-01-01T00:00:00.000Z';
const dir = () => mkdtempSync(join(tmpdir(), 'nettutor-store-'));
const solved = (id: string, base = emptyProgress()) =>
  recordAnswer(base, 'lesson', id, { correct: true, hintsUsed: 0, solutionShown: false, at });

describe('the progress file', () => {
  it('starts empty when there is no file, and reads back what it saved', () => {
    const store = openProgressStore(join(dir(), 'sub', 'progress.json'));
    expect(store.load()).toEqual({ progress: emptyProgress(), notices: [] });
    expect(store.save(solved('q1'))).toEqual({ ok: true });
    expect(store.load().progress.lessons.lesson?.exercises.q1?.solved).toBe(true);
  });

  it('leaves no temporary files behind', () => {
    const d = dir();
    const store = openProgressStore(join(d, 'progress.json'));
    store.save(solved('q1'));
    store.save(solved('q2'));
    expect(readdirSync(d)).toEqual(['progress.json']);
  });

  it('moves a corrupt file aside with a notice, and goes on', () => {
    const d = dir();
    const file = join(d, 'progress.json');
    writeFileSync(file, '{ not json');
    const { progress, notices } = openProgressStore(file).load();
    expect(progress).toEqual(emptyProgress());
    expect(english(notices[0]!)).toMatch(/could not be used \(it is not valid JSON/);
    const aside = readdirSync(d).find((f) => f.startsWith('progress.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(d, aside!), 'utf8')).toBe('{ not json');
  });

  it('leaves a path it cannot read alone instead of moving it aside', () => {
    const d = dir();
    mkdirSync(join(d, 'progress.json'));
    const { notices } = openProgressStore(join(d, 'progress.json')).load();
    expect(english(notices[0]!)).toContain('cannot be read');
    expect(readdirSync(d)).toEqual(['progress.json']);
  });

  it("never writes over a newer nettutor's progress file", () => {
    const file = join(dir(), 'progress.json');
    const newer = JSON.stringify({ version: 99, lessons: { x: {} } });
    writeFileSync(file, newer);
    const store = openProgressStore(file);
    expect(english(store.load().notices[0]!)).toContain('newer nettutor');
    expect(store.save(solved('q1'))).toMatchObject({
      ok: false,
      error: expect.stringContaining('was not overwritten'),
    });
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it('moves aside a file that went bad after it was loaded, before writing', () => {
    const d = dir();
    const file = join(d, 'progress.json');
    const store = openProgressStore(file);
    store.load();
    writeFileSync(file, 'garbage');
    expect(store.save(solved('q1'))).toEqual({ ok: true });
    expect(readdirSync(d).some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
  });

  it('merges with what another process saved meanwhile', () => {
    const file = join(dir(), 'progress.json');
    const a = openProgressStore(file);
    const b = openProgressStore(file);
    a.load();
    b.load();
    a.save(solved('from-a'));
    b.save(solved('from-b'));
    const exercises = a.load().progress.lessons.lesson?.exercises ?? {};
    expect(Object.keys(exercises).sort()).toEqual(['from-a', 'from-b']);
  });

  it('replaces the file as it is for a reset', () => {
    const file = join(dir(), 'progress.json');
    const store = openProgressStore(file);
    store.save(solved('q1'));
    store.save(emptyProgress(), { replace: true });
    expect(store.load().progress).toEqual(emptyProgress());
  });

  it('reports a folder it cannot write to instead of throwing', () => {
    if (process.getuid?.() === 0) {
      // root can write anywhere; a path under a file cannot be created by anyone.
      const d = dir();
      writeFileSync(join(d, 'file'), '');
      const r = openProgressStore(join(d, 'file', 'progress.json')).save(emptyProgress());
      expect(r).toMatchObject({ ok: false, error: expect.stringContaining('cannot create') });
      return;
    }
    const d = dir();
    mkdirSync(join(d, 'ro'));
    chmodSync(join(d, 'ro'), 0o500);
    const r = openProgressStore(join(d, 'ro', 'progress.json')).save(emptyProgress());
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('permission denied') });
  });

  it('fails a save rather than writing without the lock when a live process holds it', () => {
    const file = join(dir(), 'progress.json');
    // The process that started this test is alive and is not this one.
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: hostname(), id: 'live-owner' }));
    const r = openProgressStore(file, { lockWaitMs: 50 }).save(solved('q1'));
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(new RegExp(`another nettutor \\(pid ${process.ppid}\\) is saving`)),
    });
    expect(existsSync(file)).toBe(false);
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8')).id).toBe('live-owner');
  });

  it('does not write when its lock was taken over between the merge and the rename', () => {
    const d = dir();
    const file = join(d, 'progress.json');
    const store = openProgressStore(file, {
      checkpoint: (point) => {
        if (point === 'merged')
          writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: hostname(), id: 'intruder' }));
      },
    });
    expect(store.save(solved('q1'))).toMatchObject({ ok: false, error: expect.stringContaining('taken over') });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(d)).toEqual(['progress.json.lock']);
  });
});

// Two real processes save to one file, and the test makes them interleave at
// the points where a lost update can happen: each saver reports reaching a
// checkpoint by creating `<who>.<point>`, and (where told to pause) waits there
// until the test creates `<who>.<point>.go`.
describe('two processes saving at once', () => {
  const src = fileURLToPath(new URL('../../src/', import.meta.url));
  let saverJs = '';
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    const d = dir();
    const entry = join(d, 'saver.ts');
    writeFileSync(
      entry,
      `import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openProgressStore } from '${src}node/progress-store.js';
import { recordAnswer } from '${src}core/progress/merge.js';
const [file, who, control, pauses] = process.argv.slice(2);
const paused = new Set();
const store = openProgressStore(file, {
  lockWaitMs: 15000,
  checkpoint(point) {
    writeFileSync(join(control, who + '.' + point), '');
    if (!pauses.split(',').includes(point) || paused.has(point)) return;
    paused.add(point);
    const deadline = Date.now() + 15000;
    while (!existsSync(join(control, who + '.' + point + '.go'))) {
      if (Date.now() > deadline) { console.error(who + ' was never released at ' + point); process.exit(3); }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  },
});
const p = recordAnswer(store.load().progress, 'lesson', who, { correct: true, hintsUsed: 0, solutionShown: false, at: new Date().toISOString() });
const r = store.save(p);
if (!r.ok) { console.error(r.error); process.exit(1); }
`,
    );
    saverJs = join(d, 'saver.mjs');
    await build({
      entryPoints: [entry],
      outfile: saverJs,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
  });

  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });

  function setup() {
    const d = dir();
    const control = join(d, 'control');
    mkdirSync(control);
    const file = join(d, 'progress.json');
    const saver = (who: string, pauses: string[]) => {
      const child = spawn(process.execPath, [saverJs, file, who, control, pauses.join(',')], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
      let stderr = '';
      child.stderr!.on('data', (chunk) => {
        stderr += chunk;
      });
      const exit = new Promise<string>((resolve) =>
        child.on('exit', (code) => resolve(code === 0 ? 'saved' : `exit ${code}: ${stderr}`)),
      );
      return { exit };
    };
    const at = (who: string, point: string) => existsSync(join(control, `${who}.${point}`));
    const reached = (who: string, ...points: string[]) =>
      vi.waitFor(
        () => {
          if (!points.some((p) => at(who, p))) throw new Error(`${who} did not reach ${points.join(' or ')}`);
        },
        { timeout: 10000, interval: 5 },
      );
    const release = (who: string, point: string) => writeFileSync(join(control, `${who}.${point}.go`), '');
    const saved = () => Object.keys(openProgressStore(file).load().progress.lessons.lesson?.exercises ?? {}).sort();
    return { file, saver, at, reached, release, saved };
  }

  it('loses no completed exercise when one saves while the other is between merging and writing', async () => {
    const { file, saver, at, reached, release, saved } = setup();
    const a = saver('a', ['merged']);
    await reached('a', 'merged');
    // a holds the lock, has read the file and is about to write it.
    const b = saver('b', ['merged']);
    // With the lock, b waits for it; without, b reads the file a has not written yet.
    await reached('b', 'waiting', 'merged');
    expect(at('b', 'merged')).toBe(false);
    release('a', 'merged');
    expect(await a.exit).toBe('saved');
    release('b', 'merged');
    expect(await b.exit).toBe('saved');
    expect(saved()).toEqual(['a', 'b']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it.each([
    ['names an owner that is gone', (pid: number) => JSON.stringify({ pid, host: hostname(), id: 'gone-owner' })],
    ['was left empty by an older nettutor', () => ''],
  ])('loses nothing when two processes break a stale lock that %s at once', async (_, content) => {
    const { file, saver, at, reached, release, saved } = setup();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(`${file}.lock`, content(gone));
    const old = new Date(Date.now() - 10_000);
    utimesSync(`${file}.lock`, old, old);
    const a = saver('a', ['stale', 'merged']);
    const b = saver('b', ['stale', 'merged']);
    // Both have found the lock stale and are about to break it.
    await reached('a', 'stale');
    await reached('b', 'stale');
    release('a', 'stale');
    await reached('a', 'merged');
    // a broke the stale lock and now holds a fresh one; b must not break that one.
    release('b', 'stale');
    await reached('b', 'waiting', 'merged');
    expect(at('b', 'merged')).toBe(false);
    release('a', 'merged');
    expect(await a.exit).toBe('saved');
    release('b', 'merged');
    expect(await b.exit).toBe('saved');
    expect(saved()).toEqual(['a', 'b']);
    expect(readdirSync(dirname(file)).sort()).toEqual(['control', 'progress.json']);
  });
});

describe('where progress is kept by default', () => {
  it("follows each platform's convention", () => {
    expect(defaultProgressPath({ XDG_DATA_HOME: '/x/data' }, 'linux', '/home/ann')).toBe(
      '/x/data/nettutor/progress.json',
    );
    expect(defaultProgressPath({}, 'linux', '/home/ann')).toBe('/home/ann/.local/share/nettutor/progress.json');
    expect(defaultProgressPath({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/ann')).toBe(
      '/home/ann/.local/share/nettutor/progress.json',
    );
    expect(defaultProgressPath({}, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/nettutor/progress.json',
    );
    expect(defaultProgressPath({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\nettutor\\progress.json',
    );
  });
});
