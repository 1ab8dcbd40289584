// --ascii-only in a real terminal: the built CLI runs under `script` (which
// keeps every byte the program writes to its pseudo-terminal) inside tmux
// (which shows the screen, so each key waits for what it should bring). Not
// one byte at or above 0x80 may reach the terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { tcpOf } from '../helpers/tcp-page.js';
import { TmuxSession, hasTmux } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
// The second lesson, opened below: its title, its first page's title and how far its first player is.
const second = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons[1]!;
const WATCH = second.pages.findIndex((p) => tcpOf(p));
const hasScript = spawnSync('script', ['--version']).status === 0;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** Starts nettutor with `args` under `script`, recording its output to a file. */
function start(args: string[], size: { columns: number; rows: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'nettutor-ascii-'));
  const raw = join(dir, 'output.raw');
  const command = ['node', bin, ...args, '--progress', join(dir, 'progress.json')].map(quote).join(' ');
  const s = new TmuxSession(['script', '-q', '-f', '-e', '-c', command, raw], size);
  sessions.push(s);
  return { s, raw };
}

/** What the program wrote: the typescript without the lines `script` adds before and after it. */
function programOutput(raw: string): Buffer {
  const all = readFileSync(raw);
  const begin = all.indexOf('\n') + 1;
  const end = all.lastIndexOf('\nScript done');
  return all.subarray(begin, end > begin ? end : all.length);
}

function expectSevenBit(out: Buffer) {
  // The program really drew: it entered the alternate screen and wrote frames.
  expect(out.includes('\u001B[?1049h')).toBe(true);
  expect(out.length).toBeGreaterThan(1000);
  const at = out.findIndex((b) => b >= 0x80);
  expect(at, at < 0 ? '' : JSON.stringify(out.subarray(Math.max(0, at - 60), at + 20).toString('latin1'))).toBe(-1);
}

describe.skipIf(!hasTmux || !hasScript)('--ascii-only in a terminal', () => {
  it('writes only 7-bit bytes, from the lesson list through a lesson and the player to the exit', async () => {
    const { s, raw } = start(['--ascii-only'], { columns: 80, rows: 24 });
    await s.waitFor('Enter open');
    s.keys('?');
    await s.waitFor('Keys -- On the lesson list');
    s.keys('Escape');
    await s.waitFor('Enter open');
    s.keys('Enter');
    await s.waitFor('Welcome');
    s.keys('n');
    await s.waitFor('Reading a ladder diagram');
    s.keys('n');
    await s.waitFor('One right answer');
    s.keys('Enter');
    await s.waitFor('[no] Not quite.');
    s.keys('Escape');
    await s.waitFor('Enter open');
    s.keys('Down');
    await s.waitFor(`> ${text(second.title, 'en')}`);
    s.keys('Enter');
    await s.waitFor(text(second.pages[0]!.title!, 'en'));
    s.keys(...Array.from({ length: WATCH }, () => 'n'));
    await s.waitFor('|| paused');
    s.keys('End');
    await s.waitFor('Enter answer');
    s.keys('Enter');
    await s.waitFor(/Right:|The model's answer/);
    s.resize(60, 20);
    await s.waitFor(/Right\/Left step/);
    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    expectSevenBit(programOutput(raw));
  });

  it('shows the lessons in English with --lang zh-CN, and says so', async () => {
    const { s, raw } = start(['--lang', 'zh-CN', '--ascii-only'], { columns: 80, rows: 24 });
    await s.waitFor('! --ascii-only: the lessons are shown in English');
    s.keys('Enter');
    await s.waitFor('Welcome');
    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    expectSevenBit(programOutput(raw));
  });
});
