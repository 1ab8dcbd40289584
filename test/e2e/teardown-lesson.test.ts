// The teardown lesson in a real pseudo-terminal (tmux), with the built CLI, as a
// learner meets it: a computed exercise shows random numbers and takes the
// answer worked out from them (the server's FIN after a reply sent in
// CLOSE-WAIT), then the player stops in the three-segment close to ask which
// flags the server's segment carries. Both land in the progress file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { predictChoices } from '../../src/core/models/tcp/predict.js';
import { findEvent } from '../../src/core/models/tcp/player.js';
import { getBuiltinScenario } from '../../src/core/scenario/builtins.js';
import { simulate } from '../../src/core/tcp/simulate.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import { tcpOf } from '../helpers/tcp-page.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const lesson = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons.find(
  (l) => l.id === 'teardown',
)!;
const pages = lesson.pages.length;
const pageOf = (id: string) => lesson.pages.findIndex((p) => p.id === id) + 1;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

/** Where the player lists the answer among its choices, for a predict point of a page. */
function choiceIndex(pageId: string, pointId: string, answer: string): number {
  const sim = tcpOf(lesson.pages.find((p) => p.id === pageId)!)!;
  const point = sim.predict!.find((q) => q.id === pointId)!;
  const result = simulate(getBuiltinScenario(sim.scenario)!);
  return predictChoices(result, findEvent(result.events, point.before) - 1, point.ask).indexOf(answer);
}

describe.skipIf(!hasTmux)('the teardown lesson in a terminal', () => {
  it('grades a computed answer and a predict question in the player, and keeps both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-teardown-'));
    const progress = join(dir, 'progress.json');
    const s = new TmuxSession(['node', bin, '--lesson', 'teardown', '--progress', progress, '--lang', 'en'], {
      columns: 80,
      rows: 24,
    });
    sessions.push(s);
    await s.waitFor(`page 1/${pages}`);
    await s.waitFor('A FIN closes one direction');

    // On to the computed exercise; every page before it turns with n (none of them takes typing).
    const target = pageOf('server-fin-seq');
    expect(lesson.pages.slice(0, target - 1).some((p) => p.exercise?.type === 'short')).toBe(false);
    for (let page = 2; page <= target; page++) {
      s.keys('n');
      await s.waitFor(`page ${page}/${pages}`);
    }
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
    const at = choiceIndex('watch-three', 'predict-fin-carries-ack', 'FIN,ACK');
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) s.keys('Down');
    s.keys('Enter');
    const right = (await s.waitFor('Right: FIN,ACK')).replace(/\s+/g, ' ');
    expect(right).toContain('three segments instead of four');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const saved = JSON.parse(readFileSync(progress, 'utf8')).lessons.teardown;
    expect(saved.exercises['server-fin-seq-number']).toMatchObject({ solved: true, attempts: 1, score: 1 });
    expect(saved.exercises['predict-fin-carries-ack']).toMatchObject({ solved: true, attempts: 1 });
  });
});
