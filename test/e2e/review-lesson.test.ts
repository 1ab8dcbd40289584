// The review lesson in a real pseudo-terminal (tmux), with the built CLI, as a
// learner meets it: G and Enter open it from the lesson list (it is the last
// lesson); its first question is another lesson's short answer, computed by
// the TCP engine from ISNs drawn for this attempt; the answer worked out from
// the numbers on screen is right, and the page then names the lesson it comes
// from. Back on the list, the review's row and the course's score count it;
// the progress file keeps it under the review, not under its own lesson.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { gradedIds } from '../../src/core/progress/score.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const lessons = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons;
const review = lessons.at(-1)!;
const pages = review.pages.length;
/** Graded items: the review's, and every lesson's. */
const items = gradedIds(review).length;
const all = lessons.reduce((n, l) => n + gradedIds(l).length, 0);
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe.skipIf(!hasTmux)('the review lesson in a terminal', () => {
  it("answers another lesson's computed question with new numbers, and scores it under the review", async () => {
    expect(review.id).toBe('review');
    expect(review.pages[1]!.review?.from).toBe('three-way-handshake/synack-seq-number');
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-review-'));
    const progress = join(dir, 'progress.json');
    const s = new TmuxSession(['node', bin, '--progress', progress, '--lang', 'en'], { columns: 80, rows: 24 });
    sessions.push(s);
    await s.waitFor('Overall, every exercise of every lesson');
    s.keys('G');
    await s.waitFor(/› Review: TCP and HTTP +not started/);
    s.keys('Enter');
    await s.waitFor(`page 1/${pages}`);
    await s.waitFor('Everything, mixed');
    s.keys('n');
    await s.waitFor(`page 2/${pages}`);

    // The three-way handshake's question, with ISNs drawn for this attempt.
    const screen = (await s.waitFor(/The client's ISN is \d+ and the server's is \d+/)).replace(/\s+/g, ' ');
    expect(screen).toContain("The second segment's seq");
    const [, , server] = screen.match(/The client's ISN is (\d+) and the server's is (\d+)/)!;
    // By hand: the SYN,ACK carries the server's SYN, whose seq is the server's ISN.
    s.literal(server!);
    s.keys('Enter');
    const verdict = (await s.waitFor('Correct')).replace(/\s+/g, ' ');
    expect(verdict).toContain(`Expected: ${server}`);
    expect(verdict).toContain("From the lesson “The three-way handshake”, page “The second segment's seq”");
    await s.waitFor(`1/${items} exercises solved`);
    // The verdict has ended the typing: the page's keys are back.
    await s.waitFor('r try again');

    // Esc returns to the list: the review's score and the course's count it.
    s.keys('Escape');
    const home = await s.waitFor('Overall, every exercise of every lesson');
    expect(home).toMatch(new RegExp(`› Review: TCP and HTTP +… in progress ${Math.round(100 / items)}%\\n`));
    expect(home).toMatch(
      new RegExp(`Overall, every exercise of every lesson: 1/${all} solved +${Math.round(100 / all)}%`),
    );
    expect(home).toMatch(/The three-way handshake +not started/);

    // On a smaller terminal the list keeps the review in view, with its score.
    s.resize(60, 20);
    const small = await s.waitFor(/Overall: 1\/\d+ exercises solved/);
    expect(small).toMatch(new RegExp(`› Review: TCP and HTTP +… in progress ${Math.round(100 / items)}%`));

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const saved = JSON.parse(readFileSync(progress, 'utf8')).lessons;
    expect(saved.review.exercises['three-way-handshake/synack-seq-number']).toMatchObject({
      solved: true,
      attempts: 1,
      score: 1,
    });
    expect(saved['three-way-handshake']).toBeUndefined();
  });
});
