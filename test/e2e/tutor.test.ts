// The built CLI in a real pseudo-terminal (tmux), as a learner uses it: open a
// lesson, answer an exercise, quit, and find the answer in the progress file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeLesson } from '../helpers/lesson-folder.js';
import { text } from '../../src/core/i18n/localize.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { TmuxSession, hasTmux } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const builtin = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

function lessonPack(dir: string) {
  writeLesson(dir, 'e2e', {
    formatVersion: 1,
    id: 'e2e',
    order: 99,
    title: 'End to end',
    summary: 'A lesson for the end-to-end test.',
    pages: [
      { id: 'intro', text: 'Read this first.' },
      {
        id: 'q',
        exercise: {
          id: 'who-sends-synack',
          type: 'single',
          prompt: 'Who sends the SYN,ACK?',
          hints: ['The side that was listening.'],
          options: [
            { id: 'client', text: 'the client', why: 'The client sends the first SYN.' },
            { id: 'server', text: 'the server', why: 'The listening server answers the SYN with SYN,ACK.' },
          ],
          answer: 'server',
        },
      },
    ],
  });
}

describe.skipIf(!hasTmux)('nettutor in a terminal', () => {
  it('opens a lesson, grades an answer, quits cleanly and keeps the progress', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-e2e-'));
    const progress = join(dir, 'progress.json');
    lessonPack(join(dir, 'lessons'));
    const s = new TmuxSession(
      ['node', bin, '--lessons', join(dir, 'lessons'), '--lesson', 'e2e', '--progress', progress],
      { columns: 80, rows: 24 },
    );
    sessions.push(s);
    await s.waitFor('Read this first.');
    s.keys('n');
    await s.waitFor('Who sends the SYN,ACK?');
    s.keys('Down', 'Enter');
    const screen = await s.waitFor('Correct');
    expect(screen).toContain('The listening server answers the SYN with SYN,ACK.');
    s.keys('q');
    const end = await s.waitFor(/EXITED:\d+/);
    expect(end).toContain('EXITED:0');
    expect(existsSync(progress)).toBe(true);
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(saved.lessons.e2e.exercises['who-sends-synack'].solved).toBe(true);
  });

  it('draws the home screen at 80x24 and adapts to a resize', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-e2e-'));
    const s = new TmuxSession(['node', bin, '--progress', join(dir, 'p.json')], { columns: 80, rows: 24 });
    sessions.push(s);
    await s.waitFor('Enter open');
    s.resize(50, 12);
    await s.waitFor('Make the terminal at least');
    s.resize(90, 30);
    await s.waitFor('Enter open');
    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
  });

  it('answers keys typed the moment the lesson list appears, while Ink may still be loading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-e2e-'));
    const s = new TmuxSession(['node', bin, '--progress', join(dir, 'p.json')], { columns: 80, rows: 24 });
    sessions.push(s);
    // The first home screen is drawn before Ink has loaded: keys sent as soon as it shows are kept and handled
    // in order, once each, whenever Ink takes over (down, down, up: the second lesson).
    await s.waitFor('Enter open', 8000);
    s.keys('Down', 'Down', 'Up');
    const second = text(builtin[1]!.title, 'en');
    await s.waitFor(new RegExp(`^› ${second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    const screen = s.screen();
    expect(screen.split('\n').filter((l) => l.startsWith('›'))).toHaveLength(1);
    // Nothing typed was echoed over the frame.
    expect(screen).not.toMatch(/\^\[|\[B|\[A/);
    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
  });

  // Ctrl+C is a key in raw mode (the app quits), or SIGINT when sent by kill: either way progress is saved,
  // the terminal restored, and the exit status is 130 (128 + SIGINT), while q exits 0.
  it.each([
    ['Ctrl+C pressed', (s: TmuxSession) => s.keys('C-c')],
    ['SIGINT sent', (_: TmuxSession, pid: number) => process.kill(pid, 'SIGINT')],
  ])('exits 130 after saving progress and restoring the terminal: %s', async (_, interrupt) => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-e2e-'));
    const progress = join(dir, 'progress.json');
    const pidFile = join(dir, 'pid');
    const s = new TmuxSession(['sh', '-c', 'echo $$ > "$0"; exec "$@"', pidFile, 'node', bin, '--progress', progress], {
      columns: 80,
      rows: 24,
    });
    sessions.push(s);
    await s.waitFor('Enter open');
    s.keys('Enter');
    await s.waitFor('page 1/');
    interrupt(s, Number(readFileSync(pidFile, 'utf8')));
    const end = await s.waitFor(/EXITED:\d+/);
    expect(end).toContain('EXITED:130');
    // Back on the normal screen: nothing of the tutorial is left, the cursor is shown again.
    expect(end).not.toContain('page 1/');
    expect(
      execFileSync('tmux', ['display', '-p', '-t', s.name, '#{alternate_on} #{cursor_flag}'], { encoding: 'utf8' }),
    ).toBe('0 1\n');
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(Object.keys(saved.lessons).length).toBeGreaterThan(0);
  });

  it('saves progress when the terminal hangs up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-e2e-'));
    const progress = join(dir, 'progress.json');
    const s = new TmuxSession(['node', bin, '--progress', progress], { columns: 80, rows: 24 });
    sessions.push(s);
    await s.waitFor('Enter open');
    s.keys('Enter');
    await s.waitFor('page 1/');
    s.kill();
    sessions.pop();
    const deadline = Date.now() + 5000;
    while (!existsSync(progress) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // Enter opened the first lesson at its first page: that is what was saved.
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    const first = builtin[0]!;
    expect(saved.lessons).toEqual({
      [first.id]: expect.objectContaining({ seen: [first.pages[0]!.id], page: first.pages[0]!.id, exercises: {} }),
    });
  });
});
