// The HTTP versions lesson in a real pseudo-terminal (tmux), with the built
// CLI, as a learner meets it: the waterfall page asks its question as it
// opens, the answer brings the picture; a key (t, a longer RTT) changes the
// picture and brings the next question; + adds a request to the picture; and
// a short answer the model computes from random numbers takes the answer
// worked out from the numbers on screen. All of it lands in the progress file.
import { describe, expect, it } from 'vitest';
import { hasTmux, openLesson, type TmuxSession } from '../helpers/tmux.js';

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
    const { s, turnTo, saved } = await openLesson('http-versions');

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
    await turnTo('total-11');
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
    const { exercises } = saved();
    expect(exercises['predict-10-third']).toMatchObject({ solved: true, attempts: 1 });
    expect(exercises['predict-11-total']).toMatchObject({ solved: true, attempts: 1 });
    expect(exercises['keep-alive-total']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
