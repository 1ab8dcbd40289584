// The teardown lesson in a real pseudo-terminal (tmux), with the built CLI, as a
// learner meets it: a computed exercise shows random numbers and takes the
// answer worked out from them (the server's FIN after a reply sent in
// CLOSE-WAIT), then the player stops in the three-segment close to ask which
// flags the server's segment carries. Both land in the progress file.
import { describe, expect, it } from 'vitest';
import { predictChoiceIndex } from '../helpers/tcp-page.js';
import { hasTmux, openLesson } from '../helpers/tmux.js';

describe.skipIf(!hasTmux)('the teardown lesson in a terminal', () => {
  it('grades a computed answer and a predict question in the player, and keeps both', async () => {
    const { s, lesson, pages, pageOf, turnTo, saved } = await openLesson('teardown');
    await s.waitFor('A FIN closes one direction');

    // On to the computed exercise; every page before it turns with n (none of them takes typing).
    const target = pageOf('server-fin-seq');
    expect(lesson.pages.slice(0, target - 1).some((p) => p.exercise?.type === 'short')).toBe(false);
    await turnTo(target);
    const screen = (await s.waitFor(/ISN is \d+\.[\s\S]*?sends\s+a\s+\d+-byte\s+reply/)).replace(/\s+/g, ' ');
    const [, isn, bytes] = screen.match(/ISN is (\d+)\..* sends a (\d+)-byte reply/)!;
    // By hand: the server's SYN takes its ISN and each byte of its reply one number, sent in CLOSE-WAIT after the
    // client's FIN; its FIN has the next number. The client's FIN counts in the client's numbering only.
    const answer = Number(isn) + 1 + Number(bytes);
    s.literal(String(answer));
    s.keys('Enter');
    const verdict = (await s.waitFor('Correct')).replace(/\s+/g, ' ');
    expect(verdict).toContain("The client's FIN does not count here");

    // The next page: the three-segment close. End plays on, and the player stops at the question.
    s.keys('n');
    await s.waitFor(`page ${target + 1}/${pages}`);
    expect(lesson.pages[target]!.id).toBe('watch-three');
    s.keys('End');
    await s.waitFor("Which flags does the server's next segment carry?");
    // Worked out by hand: the server's application closes while its ACK of the FIN is still held back, so one
    // segment carries both. ACK and a FIN without the ACK bit are among the choices.
    const at = predictChoiceIndex(lesson, 'watch-three', 'predict-fin-carries-ack', 'FIN,ACK');
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) s.keys('Down');
    s.keys('Enter');
    const right = (await s.waitFor('Right: FIN,ACK')).replace(/\s+/g, ' ');
    expect(right).toContain('three segments instead of four');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const { exercises } = saved();
    expect(exercises['server-fin-seq-number']).toMatchObject({ solved: true, attempts: 1, score: 1 });
    expect(exercises['predict-fin-carries-ack']).toMatchObject({ solved: true, attempts: 1 });
  });
});
