// Learners' apps drawn in render threads (worker_threads, running the built
// code): the whole tutorial works there as it does in the server's own thread,
// sessions on different threads are independent, an exception in one learner's
// app ends that session alone, a thread that stops ends only its own sessions
// (with the friendly message) and is replaced, progress is saved, and what a
// thread prints reaches the server's log, a whole line at a time, prefixed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { type LogEntry, type WorkshopServer, formatLog } from '../../src/serve/server.js';
import { SECRET_PATH } from '../fixtures/faulty-render.mjs';
import { secondLesson } from '../helpers/builtin-lessons.js';
import { KEY, startServer, workshopFixtures } from '../helpers/ssh.js';

const FAULTY = new URL('../fixtures/faulty-render.mjs', import.meta.url).href;
const NOISY = new URL('./fixtures/noisy-render.mjs', import.meta.url).href;

const { server, learner } = workshopFixtures();

function progressOf(s: WorkshopServer, nickname: string) {
  const folder = readdirSync(join(s.config.stateDir, 'learners')).find((f) => f.startsWith(`passphrase-${nickname}-`));
  if (!folder) return undefined;
  return JSON.parse(readFileSync(join(s.config.stateDir, 'learners', folder, 'progress.json'), 'utf8'));
}

describe('a learner whose app runs in a render thread', () => {
  it('gets the home screen at its size, resizes, answers keys, quits with status 0, its progress saved', async () => {
    const s = await server({ workers: 1 });
    const l = await learner(s.port, { username: 'alice', cols: 100, rows: 30 });
    const home = await l.waitFor('Enter open');
    expect(s.pool?.load).toEqual([1]);
    expect(home).toContain(secondLesson.title);
    expect(home.split('\n')[0]).toMatch(/^nettutor/);
    expect(home.split('\n')[28]).toContain('Enter open');
    // Colours reach the learner from the thread (the tests' own FORCE_COLOR=0 is not the thread's).
    expect(l.raw).toMatch(/\u001b\[3[1-7]m/);
    l.resize(50, 12);
    await l.waitFor('Make the terminal at least');
    l.resize(70, 20);
    expect((await l.waitFor('Enter open')).split('\n')[18]).toContain('Enter open');
    await l.press(KEY.down, KEY.enter);
    await l.waitFor('page 1/');
    await l.press('n');
    await l.waitFor('page 2/');
    // The thread reports progress as it changes: the instructor's view follows.
    await vi.waitFor(() => expect(s.snapshot()[0]?.page).toMatch(/^page 2\//));
    await l.press('q');
    await l.waitClosed();
    expect(l.exitCode).toBe(0);
    const after = await l.screen();
    expect(after).toContain('Goodbye from nettutor.');
    expect(after).toContain('Your progress is saved');
    expect(progressOf(s, 'alice').lessons[secondLesson.id].seen).toHaveLength(2);
    await vi.waitFor(() => expect(s.pool?.load).toEqual([0]));
  });

  it('runs independently of a learner on another thread', async () => {
    const s = await server({ workers: 2 });
    const a = await learner(s.port, { username: 'ann' });
    await a.waitFor('Enter open');
    const b = await learner(s.port, { username: 'ben', cols: 90, rows: 26 });
    await b.waitFor('Enter open');
    // The second session went to the thread with fewer sessions.
    expect(s.pool?.load).toEqual([1, 1]);
    await a.press(KEY.down, KEY.enter);
    await a.waitFor('page 1/');
    // ben is still on the lesson list, at his own size.
    expect(await b.screen()).toContain('Enter open');
    expect((await b.screen()).split('\n')[24]).toContain('Enter open');
    await b.press('q');
    await b.waitClosed();
    expect(b.exitCode).toBe(0);
    await a.press('n');
    await a.waitFor('page 2/');
    expect(a.closed).toBe(false);
    expect(progressOf(s, 'ben').lessons[secondLesson.id]).toBeUndefined();
  });

  it('ends alone when its code throws (key handler, timer, promise); others on the same thread go on', async () => {
    const s = await server({ workers: 1 }, { renderThreads: { renderWrapper: FAULTY } });
    const bystander = await learner(s.port, { username: 'bystander' });
    await bystander.waitFor('Enter open');
    for (const [name, key, what] of [
      ['input', '!', 'the key handler failed'],
      ['timer', 'T', 'a timer failed'],
      ['promise', 'P', 'a promise failed'],
    ] as const) {
      const l = await learner(s.port, { username: name });
      await l.waitFor('Enter open');
      await l.press(key);
      await l.waitClosed();
      expect(l.exitCode).toBe(1);
      expect(await l.screen()).toMatch(/something went wrong in your session/);
      expect(l.raw).not.toContain(SECRET_PATH);
      expect(l.raw).not.toMatch(/\n\s+at /);
      expect(s.logs.some((line) => line.startsWith('session-error') && line.includes(`${SECRET_PATH}: ${what}`))).toBe(
        true,
      );
    }
    expect(s.logs.filter((line) => line.startsWith('session-error'))).toHaveLength(3);
    await bystander.press(KEY.down, KEY.enter);
    await bystander.waitFor('page 1/');
    expect(bystander.closed).toBe(false);
    expect(s.pool?.load).toEqual([1]);
  });

  it('ends with the friendly message when its thread stops; progress is kept and a new thread serves the next', async () => {
    const s = await server({ workers: 1 });
    const l = await learner(s.port, { username: 'carl' });
    await l.waitFor('Enter open');
    await l.press(KEY.down, KEY.enter);
    await l.waitFor('page 1/');
    await l.press('n');
    await l.waitFor('page 2/');
    const [worker] = s.pool!.workers;
    await worker!.terminate();
    await l.waitClosed();
    expect(l.exitCode).toBe(1);
    const screen = await l.screen();
    expect(screen).toMatch(/something went wrong in your session/);
    expect(screen).toContain('Your progress is saved');
    expect(l.raw).not.toMatch(/exited with status|\n\s+at /);
    expect(s.logs.some((line) => line.startsWith('render-thread-stopped'))).toBe(true);
    // What the thread last reported was saved from the main thread.
    expect(progressOf(s, 'carl').lessons[secondLesson.id].seen).toHaveLength(2);
    const next = await learner(s.port, { username: 'dora' });
    await next.waitFor('Enter open');
    expect(s.pool!.workers).toHaveLength(1);
    expect(s.pool!.workers[0]).not.toBe(worker);
    await next.press('q');
    await next.waitClosed();
    expect(next.exitCode).toBe(0);
  });

  it('ends the sessions of a thread that stops answering (a loop that never ends), and a new thread serves the next', async () => {
    const s = await server(
      { workers: 1 },
      { renderThreads: { renderWrapper: FAULTY, watchdog: { everyMs: 100, stallMs: 1000 } } },
    );
    const stuck = await learner(s.port, { username: 'hal' });
    await stuck.waitFor('Enter open');
    const [worker] = s.pool!.workers;
    await stuck.press('H');
    await stuck.waitClosed();
    expect(stuck.exitCode).toBe(1);
    expect(await stuck.screen()).toMatch(/something went wrong in your session/);
    expect(s.logs.some((line) => line.startsWith('render-thread-stalled'))).toBe(true);
    const next = await learner(s.port, { username: 'ida' });
    await next.waitFor('Enter open');
    expect(s.pool!.workers[0]).not.toBe(worker);
    await next.press('q');
    await next.waitClosed();
    expect(next.exitCode).toBe(0);
  });

  it('on shutdown, tells the learner and saves progress from the thread', async () => {
    const s = await server({ workers: 1 });
    const l = await learner(s.port, { username: 'eve' });
    await l.waitFor('Enter open');
    await l.press(KEY.down, KEY.enter);
    await l.waitFor('page 1/');
    await l.press('n');
    await l.waitFor('page 2/');
    const started = Date.now();
    await s.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    await l.waitClosed();
    expect(await l.screen()).toMatch(/workshop server is stopping/);
    expect(progressOf(s, 'eve').lessons[secondLesson.id].seen).toHaveLength(2);
    // Every thread is gone.
    expect(s.pool!.workers).toHaveLength(0);
  });
});

describe('render threads that cannot start', () => {
  it('make listen fail, saying why, with nothing left running', async () => {
    const missing = fileURLToPath(new URL('../fixtures/no-such-module.mjs', import.meta.url));
    await expect(
      startServer({ workers: 1 }, { renderThreads: { entry: new URL(`file://${missing}`).href } }),
    ).rejects.toThrow(/no-such-module/);
  });

  it('has what its thread prints reach the server’s log a whole line at a time, saying which thread and stream', async () => {
    const s = await server({ workers: 1 }, { renderThreads: { renderWrapper: NOISY } });
    const printed: string[] = [];
    s.on('log', (e: LogEntry) => {
      if (e.event === 'render-thread-output') printed.push(formatLog(e).replace(/^\S+ /, ''));
    });
    const l = await learner(s.port, { username: 'dora' });
    await l.waitFor('Enter open');
    await vi.waitFor(() => expect(printed).toHaveLength(4));
    // Each stream's lines in order, whole, though written in pieces mixed with the other stream's.
    expect(printed.filter((p) => p.includes('stream=stdout'))).toEqual([
      'render-thread-output thread=1 stream=stdout text="noisy: a warning in two pieces"',
      'render-thread-output thread=1 stream=stdout text="noisy: and a second line"',
      'render-thread-output thread=1 stream=stdout text="noisy: from console.log"',
    ]);
    expect(printed.filter((p) => p.includes('stream=stderr'))).toEqual([
      'render-thread-output thread=1 stream=stderr text="noisy: an error on stderr"',
    ]);
    expect(l.raw).not.toContain('noisy');
  });
});
