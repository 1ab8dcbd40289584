// The TIME-WAIT lesson in a real pseudo-terminal (tmux), with the built CLI, as a
// learner meets it: the player stops to ask where the server goes after it
// acknowledges the client's FIN, then a computed exercise shows random numbers
// and takes the answer worked out from them. Both land in the progress file.
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
  (l) => l.id === 'time-wait',
)!;
const pages = lesson.pages.length;
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

describe.skipIf(!hasTmux)('the TIME-WAIT lesson in a terminal', () => {
  it('asks a predict question in the player and grades a computed answer, and keeps both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-time-wait-'));
    const progress = join(dir, 'progress.json');
    const s = new TmuxSession(['node', bin, '--lesson', 'time-wait', '--progress', progress, '--lang', 'en'], {
      columns: 80,
      rows: 24,
    });
    sessions.push(s);
    await s.waitFor(`page 1/${pages}`);
    await s.waitFor('Who waits in TIME-WAIT');

    // Page 2: the server closes first. End plays to the end, but the player stops at the question.
    s.keys('n');
    await s.waitFor(`page 2/${pages}`);
    s.keys('End');
    await s.waitFor('Which state does the server enter next?');
    // Worked out by hand: the server sent the first FIN, so it is the server that waits in TIME-WAIT.
    const at = choiceIndex('watch-server-close', 'predict-server-time-wait', 'TIME-WAIT');
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) s.keys('Down');
    s.keys('Enter');
    await s.waitFor('Right: TIME-WAIT');

    // On to the computed exercise: the ack of the client's second ACK, from TIME-WAIT.
    const target = lesson.pages.findIndex((p) => p.id === 'reack-number') + 1;
    for (let page = 3; page <= target; page++) {
      s.keys('n');
      await s.waitFor(`page ${page}/${pages}`);
    }
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
    const saved = JSON.parse(readFileSync(progress, 'utf8')).lessons['time-wait'];
    expect(saved.exercises['predict-server-time-wait']).toMatchObject({ solved: true, attempts: 1 });
    expect(saved.exercises['reack-ack-number']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
