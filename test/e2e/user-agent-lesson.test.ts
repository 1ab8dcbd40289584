// The user-agent lesson in a real pseudo-terminal (tmux), with the built CLI,
// as a learner meets it: on the first page of the User-Agent model, → sends
// the requests, the run stops before the desktop's request and the model asks
// what it gets (the phone's page, stored without Vary); v then adds Vary:
// User-Agent. Then a computed exercise shows six clients drawn at random and
// takes the count of stored responses worked out from them, which the model
// grades. Both land in the progress file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/node/lesson-files.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const lesson = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons.find(
  (l) => l.id === 'user-agent',
)!;
const pages = lesson.pages.length;
const pageOf = (id: string) => lesson.pages.findIndex((p) => p.id === id) + 1;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

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
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-user-agent-'));
    const progress = join(dir, 'progress.json');
    const s = new TmuxSession(['node', bin, '--lesson', 'user-agent', '--progress', progress, '--lang', 'en'], {
      columns: 80,
      rows: 24,
    });
    sessions.push(s);
    await s.waitFor(`page 1/${pages}`);
    await s.waitFor('What User-Agent is for');

    // The model without Vary: → sends iphone-safari's request, whose mobile page is stored.
    const model = pageOf('no-vary');
    for (let page = 2; page <= model; page++) {
      s.keys(lesson.pages[page - 2]!.exercise?.type === 'short' ? 'Right' : 'n');
      await s.waitFor(`page ${page}/${pages}`);
    }
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

    // On to the computed exercise: six clients drawn at random. → turns the pages: n would be typed.
    const target = pageOf('count-entries');
    for (let page = model + 1; page <= target; page++) {
      s.keys(lesson.pages[page - 2]!.exercise?.type === 'short' ? 'Right' : 'n');
      await s.waitFor(`page ${page}/${pages}`);
    }
    const screen = (await s.waitFor(/in this order: [\s\S]*How many responses/)).replace(/\s+/g, ' ');
    const [, list] = screen.match(/in this order: (.*?)\. How many responses/)!;
    const clients = list!.split(', ');
    expect(clients).toHaveLength(6);
    s.literal(String(storedByHand(clients)));
    s.keys('Enter');
    await s.waitFor('Correct');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const saved = JSON.parse(readFileSync(progress, 'utf8')).lessons['user-agent'];
    expect(saved.exercises['q-desktop-gets']).toMatchObject({ solved: true, attempts: 1 });
    expect(saved.exercises['entries-for-clients']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
