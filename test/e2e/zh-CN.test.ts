// The tutorial in Chinese in a real terminal (tmux): started with --lang zh-CN,
// a lesson opened and an exercise answered in Chinese, the language switched
// on the lesson list with L, quit; the next start, without --lang, remembers
// the choice even where LANG says otherwise, and --lang still wins.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { TmuxSession, hasTmux } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

function start(args: string[], env: Record<string, string>): TmuxSession {
  const s = new TmuxSession(['node', bin, ...args], { columns: 80, rows: 24, env });
  sessions.push(s);
  return s;
}

/** Quits with q from the lesson list and waits for the process to end. */
async function quit(s: TmuxSession): Promise<void> {
  s.keys('q');
  await s.waitFor('EXITED:0');
}

describe.skipIf(!hasTmux)('nettutor in Chinese, in a terminal', () => {
  it('teaches in Chinese, switches language with L, and remembers the choice at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-zh-'));
    const progress = join(dir, 'progress.json');
    const english = { LANG: 'en_US.UTF-8' };
    const chinese = { LANG: 'zh_CN.UTF-8' };

    // --lang zh-CN wins over an English LANG: the list, the keys, a lesson, its exercise and the verdict in Chinese.
    let s = start(['--lang', 'zh-CN', '--progress', progress], english);
    let screen = await s.waitFor('L 语言');
    expect(screen).toContain('nettutor — 看懂并动手试 TCP 与 HTTP');
    expect(screen).toContain('未开始');
    s.keys('Enter');
    await s.waitFor('第 1/6 页');
    s.keys('n', 'n');
    screen = await s.waitFor('第 3/6 页');
    expect(screen).toContain('在三次握手中，哪个报文段携带服务器的初始序号？');
    s.keys('Down', 'Enter');
    screen = await s.waitFor(/✓ 正确。|✗ 不太对。/);
    expect(screen).toMatch(/r 再试一次/);
    s.keys('Escape');
    await s.waitFor('… 进行中');

    // L on the list: everything English at once, and the choice saved.
    s.keys('L');
    screen = await s.waitFor('L language');
    expect(screen).toContain('nettutor — TCP and HTTP, watched and tried');
    expect(screen).toContain('in progress');
    await quit(s);
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(saved.language.locale).toBe('en');
    expect(Object.values(saved.lessons['how-nettutor-works'].exercises)).toHaveLength(1);

    // The next start has no --lang: the choice saved beats a Chinese LANG. L back to Chinese, saved again.
    s = start(['--progress', progress], chinese);
    await s.waitFor('L language');
    s.keys('L');
    await s.waitFor('L 语言');
    await quit(s);
    expect(JSON.parse(readFileSync(progress, 'utf8')).language.locale).toBe('zh-CN');

    // Remembered: Chinese with an English LANG; --lang en still wins, for that session only.
    s = start(['--progress', progress], english);
    await s.waitFor('L 语言');
    await quit(s);
    s = start(['--lang', 'en', '--progress', progress], chinese);
    await s.waitFor('L language');
    await quit(s);
    expect(JSON.parse(readFileSync(progress, 'utf8')).language.locale).toBe('zh-CN');
  }, 60_000);
});
