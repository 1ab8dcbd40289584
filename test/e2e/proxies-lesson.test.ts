// The proxies lesson in a real pseudo-terminal (tmux), with the built CLI, as a
// learner meets it: the request walks to the proxy, the model asks which
// fields reach the server and grades the answer worked out by hand, the next
// hop shows what the proxy removed and added; then a computed exercise shows
// random proxy names and takes the Via worked out from them. Both land in the
// progress file.
import { describe, expect, it } from 'vitest';
import { hasTmux, openLesson } from '../helpers/tmux.js';

describe.skipIf(!hasTmux)('the proxies lesson in a terminal', () => {
  it('walks a request through the proxy, grades which fields reach the server, and a computed Via', async () => {
    // The page with the model: the client's request, then → sends it to the proxy.
    const { s, turnTo, saved } = await openLesson('proxies', { at: 'watch' });
    await s.waitFor('Connection: keep-alive');
    s.keys('Right');
    await s.waitFor('The request has reached the proxy');
    s.keys('Right');
    const asked = await s.waitFor('Which fields reach the server, in order?');
    // Worked out by hand: Connection goes, and Keep-Alive, which it names; Host, User-Agent and Accept stay, in
    // order; Via is added last (RFC 9110 §7.6.1, §7.6.3).
    const right = 'Host, User-Agent, Accept, Via';
    const choices = asked
      .split('\n')
      .filter((l) => /^[›> ] Host/.test(l))
      .map((l) => l.slice(2).trim());
    const at = choices.indexOf(right);
    expect(at, asked).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) s.keys('Down');
    s.keys('Enter');
    await s.waitFor(`Right: ${right}`);

    // The next hop: what the proxy sends on, marked.
    s.keys('Right');
    const hop = await s.waitFor('proxy → server');
    expect(hop).toContain('✕ Connection: keep-alive');
    expect(hop).toContain('✕ Keep-Alive: timeout=5');
    expect(hop).toContain('+ Via: 1.1 proxy');

    // On to the computed exercise: the Via after two proxies, with names drawn at random.
    await turnTo('via-after-two');
    const screen = (await s.waitFor(/HTTP\/1\.[01], without Via,[\s\S]*then \w+\./)).replace(/\s+/g, ' ');
    const [, version, first, second] = screen.match(/HTTP\/(1\.[01]), without Via, .* first (\w+), then (\w+)\./)!;
    // By hand: each proxy appends the version it received and its name; the first received the client's version,
    // the second HTTP/1.1 from the first (RFC 9110 §7.6.3, §2.5).
    s.literal(`${version} ${first}, 1.1 ${second}`);
    s.keys('Enter');
    await s.waitFor('Correct');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const { exercises } = saved();
    expect(exercises['predict-reach-server']).toMatchObject({ solved: true, attempts: 1, score: 1 });
    expect(exercises['via-value']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
