// The TIME-WAIT lesson in a real pseudo-terminal (tmux), with the built CLI, as a
// learner meets it: the player stops to ask where the server goes after it
// acknowledges the client's FIN, then a computed exercise shows random numbers
// and takes the answer worked out from them. Both land in the progress file.
import { describe, expect, it } from 'vitest';
import { predictChoiceIndex } from '../helpers/tcp-page.js';
import { hasTmux, openLesson } from '../helpers/tmux.js';

describe.skipIf(!hasTmux)('the TIME-WAIT lesson in a terminal', () => {
  it('asks a predict question in the player and grades a computed answer, and keeps both', async () => {
    const { s, lesson, pages, turnTo, saved } = await openLesson('time-wait');
    await s.waitFor('Who waits in TIME-WAIT');

    // Page 2: the server closes first. End plays to the end, but the player stops at the question.
    s.keys('n');
    await s.waitFor(`page 2/${pages}`);
    s.keys('End');
    await s.waitFor('Which state does the server enter next?');
    // Worked out by hand: the server sent the first FIN, so it is the server that waits in TIME-WAIT.
    const at = predictChoiceIndex(lesson, 'watch-server-close', 'predict-server-time-wait', 'TIME-WAIT');
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) s.keys('Down');
    s.keys('Enter');
    await s.waitFor('Right: TIME-WAIT');

    // On to the computed exercise: the ack of the client's second ACK, from TIME-WAIT.
    await turnTo('reack-number');
    const screen = (await s.waitFor(/ISN is \d+\. It sends a \d+-byte reply/)).replace(/\s+/g, ' ');
    const [, isn, bytes] = screen.match(/ISN is (\d+)\. It sends a (\d+)-byte reply/)!;
    // By hand: the server's SYN, each byte of its reply and its FIN occupy sequence numbers; the FIN sent
    // again is the same FIN. The second ACK acknowledges it as the first did: ISN + 1 + bytes + 1.
    const answer = Number(isn) + 1 + Number(bytes) + 1;
    s.literal(String(answer));
    s.keys('Enter');
    const verdict = (await s.waitFor('Correct')).replace(/\s+/g, ' ');
    expect(verdict).toContain('the client still has the connection');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const { exercises } = saved();
    expect(exercises['predict-server-time-wait']).toMatchObject({ solved: true, attempts: 1 });
    expect(exercises['reack-ack-number']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
