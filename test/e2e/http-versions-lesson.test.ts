// The HTTP versions lesson in a real pseudo-terminal (tmux), with the built
// CLI, as a learner meets it: the waterfall page asks its question as it
// opens, the answer brings the picture; a key (t, a longer RTT) changes the
// picture and brings the next question; + adds a request to the picture; and
// a short answer the model computes from random numbers takes the answer
// worked out from the numbers on screen. All of it lands in the progress file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/node/lesson-files.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const lesson = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons.find(
  (l) => l.id === 'http-versions',
)!;
const pages = lesson.pages.length;
const pageNumber = (id: string) => lesson.pages.findIndex((p) => p.id === id) + 1;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

/** Picks `choice` in the question's list on screen: ↓ as many times as it is below the pointer, then Enter. */
function pick(s: TmuxSession, screen: string, choice: string) {
  const lines = screen.split('\n');
  const first = lines.findIndex((l) => l.startsWith('› '));
  const at = lines.findIndex((l, i) => i >= first && l.slice(2).trim() === choice);
  expect(first, screen).toBeGreaterThanOrEqual(0);
  expect(at, `${choice} is not among the choices:\n${screen}`).toBeGreaterThanOrEqual(first);
  for (let i = first; i < at; i++) s.keys('Down');
  s.keys('Enter');
}

describe.skipIf(!hasTmux)('the HTTP versions lesson in a terminal', () => {
  it('drives the waterfall with its keys, answers its questions and a computed exercise, and keeps them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-versions-'));
    const progress = join(dir, 'progress.json');
    const s = new TmuxSession(['node', bin, '--lesson', 'http-versions', '--progress', progress, '--lang', 'en'], {
      columns: 80,
      rows: 24,
    });
    sessions.push(s);
    await s.waitFor(`page 1/${pages}`);

    // The waterfall page asks as it opens, with the picture hidden.
    s.keys('n');
    let screen = await s.waitFor('When has the response to request 3 fully arrived over HTTP/1.0?');
    expect(screen).toContain('The picture comes back once you answer.');
    expect(screen).not.toMatch(/^ 3 c3 /m);
    // Worked out by hand: requests 1 and 2 each took a handshake, a round trip and 50 ms; request 3 too:
    // 3 × (100 + 100) + 3 × 50 = 750.
    pick(s, screen, '750 ms');
    screen = await s.waitFor('Right: 750 ms');
    expect(screen).toMatch(/^ 3 c3 [·░─█ ]+ 750$/m);

    // t lengthens the RTT: the settings change, and the next question comes with the picture hidden again.
    s.keys('t');
    screen = await s.waitFor('How long does HTTP/1.1 take for all 5 requests?');
    expect(screen).toContain('5 requests · RTT 150 ms · server 50 ms each');
    // By hand: one handshake (150), then 5 × (150 + 50) = 1150.
    pick(s, screen, '1150 ms');
    screen = await s.waitFor('Right: 1150 ms');
    // + adds a request: the settings line and the picture follow.
    s.keys('+');
    screen = await s.waitFor('6 requests · RTT 150 ms');
    expect(screen).toMatch(/HTTP\/1\.[01] — .*: \d+ ms/);

    // On to the short answer the model computes: HTTP/1.1 keep-alive, random numbers.
    const target = pageNumber('total-11');
    for (let page = 3; page <= target; page++) {
      s.keys('n');
      await s.waitFor(`page ${page}/${pages}`);
    }
    screen = (await s.waitFor(/needs \d+ resources[\s\S]*server takes \d+ ms/)).replace(/\s+/g, ' ');
    const [, n] = screen.match(/needs (\d+) resources/)!;
    const [, rtt] = screen.match(/The RTT is (\d+) ms/)!;
    const [, server] = screen.match(/server takes (\d+) ms/)!;
    // By hand: one handshake, then each request a round trip and its server time, one after another.
    const answer = Number(rtt) + Number(n) * (Number(rtt) + Number(server));
    s.literal(String(answer));
    s.keys('Enter');
    const verdict = (await s.waitFor('Correct')).replace(/\s+/g, ' ');
    expect(verdict).toContain(`${rtt} + ${n} × (${rtt} + ${server}) ms`);

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const saved = JSON.parse(readFileSync(progress, 'utf8')).lessons['http-versions'];
    expect(saved.exercises['predict-10-third']).toMatchObject({ solved: true, attempts: 1 });
    expect(saved.exercises['predict-11-total']).toMatchObject({ solved: true, attempts: 1 });
    expect(saved.exercises['keep-alive-total']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
