// One learner over SSH, end to end in this process: an ssh2 client with a pty
// logs in, gets the whole tutorial at its own size, resizes, answers, quits
// with a goodbye and exit status 0, and finds its progress again after a
// reconnect and after a server restart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeRegExp, secondLesson } from '../helpers/builtin-lessons.js';
import { KEY, workshopFixtures } from '../helpers/ssh.js';

const { server, learner } = workshopFixtures();

describe('a learner over SSH', () => {
  it('gets the tutorial at the size of its own terminal, resizing live', async () => {
    const s = await server();
    const l = await learner(s.port, { cols: 100, rows: 30 });
    const home = await l.waitFor('Enter open');
    expect(home).toContain(secondLesson.title);
    // The status bar is on the terminal's second-to-last row: the app measured the client's pty, not a server's.
    expect(home.split('\n')[28]).toContain('Enter open');
    // Rows are drawn at absolute positions and newlines are \r\n: nothing is stacked or shifted.
    expect(home.split('\n')[0]).toMatch(/^nettutor/);
    l.resize(50, 12);
    await l.waitFor('Make the terminal at least');
    l.resize(70, 20);
    const again = await l.waitFor('Enter open');
    expect(again.split('\n')[18]).toContain('Enter open');
  });

  it('opens a lesson with keys, quits with q: a goodbye, exit status 0, the progress in its own folder', async () => {
    const s = await server();
    const l = await learner(s.port, { username: 'Alice' });
    await l.waitFor('Enter open');
    await l.press(KEY.down, KEY.enter);
    await l.waitFor('page 1/');
    await l.press('q');
    await l.waitClosed();
    expect(l.exitCode).toBe(0);
    expect(await l.screen()).toContain('Goodbye from nettutor.');
    const folders = readdirSync(join(s.config.stateDir, 'learners'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^passphrase-alice-[0-9a-f]{16}$/);
    const progress = JSON.parse(
      readFileSync(join(s.config.stateDir, 'learners', folders[0]!, 'progress.json'), 'utf8'),
    );
    expect(progress.lessons[secondLesson.id].seen.length).toBeGreaterThan(0);
  });

  it('Ctrl+C also ends the session cleanly with exit status 0', async () => {
    const s = await server();
    const l = await learner(s.port);
    await l.waitFor('Enter open');
    await l.press(KEY.ctrlC);
    await l.waitClosed();
    expect(l.exitCode).toBe(0);
  });

  it('keeps progress across a reconnect and a server restart (same state folder)', async () => {
    const s = await server();
    const first = await learner(s.port, { username: 'bob' });
    await first.waitFor('Enter open');
    await first.press(KEY.down, KEY.enter);
    await first.waitFor('page 1/');
    await first.press('n');
    await first.waitFor('page 2/');
    first.end(); // dropped, not quit: progress is saved all the same
    await first.waitClosed();

    const again = await learner(s.port, { username: 'BOB' });
    const home = await again.waitFor('Enter open');
    expect(home).toMatch(new RegExp(`${escapeRegExp(secondLesson.title)}.*in progress`));
    again.end();
    await s.stop();

    const restarted = await server({ stateDir: s.config.stateDir });
    const later = await learner(restarted.port, { username: 'bob' });
    expect(await later.waitFor('Enter open')).toMatch(new RegExp(`${escapeRegExp(secondLesson.title)}.*in progress`));
    // A different nickname is a different learner.
    const carol = await learner(restarted.port, { username: 'carol' });
    expect(await carol.waitFor('Enter open')).not.toMatch(/in progress/);
  });
});
