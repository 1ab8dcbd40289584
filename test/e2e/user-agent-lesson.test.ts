// The user-agent lesson in a real pseudo-terminal (tmux), with the built CLI,
// as a learner meets it: on the first page of the User-Agent model, → sends
// the requests, the run stops before the desktop's request and the model asks
// what it gets (the phone's page, stored without Vary); v then adds Vary:
// User-Agent. Then a computed exercise shows six clients drawn at random and
// takes the count of stored responses worked out from them, which the model
// grades. Both land in the progress file.
import { describe, expect, it } from 'vitest';
import { hasTmux, openLesson } from '../helpers/tmux.js';

/**
 * By hand, with Vary: User-Agent: one stored response per distinct User-Agent string; fake-chrome sends
 * windows-chrome's string; curl and googlebot get a 403 with no-store, never stored.
 */
function storedByHand(clients: string[]): number {
  const strings = new Set(
    clients.filter((c) => c !== 'curl' && c !== 'googlebot').map((c) => (c === 'fake-chrome' ? 'windows-chrome' : c)),
  );
  return strings.size;
}

describe.skipIf(!hasTmux)('the user-agent lesson in a terminal', () => {
  it('asks what the desktop gets from a cache without Vary, grades a computed count, and keeps both', async () => {
    const { s, turnTo, saved } = await openLesson('user-agent');
    await s.waitFor('What User-Agent is for');

    // The model without Vary: → sends iphone-safari's request, whose mobile page is stored.
    await turnTo('no-vary');
    await s.waitFor('no Vary');
    s.keys('Right');
    await s.waitFor(/1 iphone-safari\s+MISS\s+mobile\.html\s+stored/);
    s.keys('Right');
    const asked = await s.waitFor('Request 2: windows-chrome asks for /. What does it get?');
    // The choices, in order: mobile.html, desktop.html, 403 Forbidden. By hand: the stored response has no
    // Vary, so it fits every request for /: the desktop gets the phone's page.
    expect(asked).toMatch(/› mobile\.html\n\s+desktop\.html\n\s+403 Forbidden/);
    s.keys('Enter');
    const verdict = (await s.waitFor('Right: mobile.html')).replace(/\s+/g, ' ');
    expect(verdict).toContain('it has no Vary, so it fits every request for /.');
    await s.waitFor(/2 windows-chrome\s+HIT #1\s+mobile\.html\s+✗ origin: desktop\.html/);
    // v: Vary: User-Agent; End sends them all, and the desktop gets its own page.
    s.keys('v');
    await s.waitFor('Vary: User-Agent  v 2/2');
    s.keys('End');
    await s.waitFor(/2 windows-chrome\s+MISS\s+desktop\.html\s+stored/);

    // On to the computed exercise: six clients drawn at random (→ turns past a typed answer).
    await turnTo('count-entries');
    const screen = (await s.waitFor(/in this order: [\s\S]*How many responses/)).replace(/\s+/g, ' ');
    const [, list] = screen.match(/in this order: (.*?)\. How many responses/)!;
    const clients = list!.split(', ');
    expect(clients).toHaveLength(6);
    s.literal(String(storedByHand(clients)));
    s.keys('Enter');
    await s.waitFor('Correct');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const { exercises } = saved();
    expect(exercises['q-desktop-gets']).toMatchObject({ solved: true, attempts: 1 });
    expect(exercises['entries-for-clients']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
