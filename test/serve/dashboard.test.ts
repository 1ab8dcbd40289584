// The instructor's view: every learner live (nickname, lesson, page, solved,
// score, idle), joins and leaves, scores written on e; over an SSH login with
// the instructor secret (the server's own terminal is tested end to end with
// OpenSSH, in test/e2e/serve-openssh.test.ts).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeRegExp, secondLesson } from '../helpers/builtin-lessons.js';
import { dashboardLines } from '../../src/serve/dashboard.js';
import type { LearnerView } from '../../src/serve/server.js';
import { KEY, Learner, PASSPHRASE, startServer, workshopFixtures } from '../helpers/ssh.js';

const { servers, learners } = workshopFixtures();

const view = (over: Partial<LearnerView>): LearnerView => ({
  nickname: 'alice',
  login: 'passphrase',
  ip: '127.0.0.1',
  lesson: 'Watch a handshake',
  page: 'page 3/6',
  solved: 2,
  of: 8,
  score: 0.25,
  idleMs: 75_000,
  connectedMs: 3_725_000,
  naming: false,
  ...over,
});

describe('dashboardLines', () => {
  it('lays out one row per learner, sorted, within the width and height it is given', () => {
    const lines = dashboardLines({
      views: [view({ nickname: 'zoe' }), view({})],
      events: ['12:00:01  + alice joined'],
      header: 'nettutor workshop: 2 learners',
      intro: ['Learners connect with: ssh -p 2222 <nickname>@host'],
      status: '',
      keys: 'q leave',
      width: 100,
      height: 24,
      scroll: 0,
    });
    expect(lines.slice(0, 5)).toEqual([
      'nettutor workshop: 2 learners',
      'Learners connect with: ssh -p 2222 <nickname>@host',
      'nickname          login      lesson                    page       solved score idle    in for',
      'alice             passphrase Watch a handshake         page 3/6   2/8    25%   1:15    1:02:05',
      'zoe               passphrase Watch a handshake         page 3/6   2/8    25%   1:15    1:02:05',
    ]);
    expect(lines).toContain('12:00:01  + alice joined');
    const small = dashboardLines({
      views: Array.from({ length: 40 }, (_, i) => view({ nickname: `l${i}` })),
      events: [],
      header: 'h',
      intro: [],
      status: '',
      keys: 'k',
      width: 30,
      height: 12,
      scroll: 0,
    });
    expect(small.length).toBeLessThanOrEqual(11);
    expect(Math.max(...small.map((l) => l.length))).toBeLessThanOrEqual(30);
    expect(small.join('\n')).toMatch(/more rows/);
  });
});

describe('the instructor over SSH', () => {
  it('sees learners join, move on and leave, live; writes scores with e; leaves with q', async () => {
    const s = await startServer({
      auth: { mode: 'passphrase', passphrase: PASSPHRASE, instructorSecret: 'teach' },
      intro: ['Learners connect with:  ssh -p 2222 <nickname>@localhost'],
    });
    servers.push(s);
    const teacher = await Learner.open(s.port, { username: 'instructor', password: 'teach', cols: 110, rows: 30 });
    learners.push(teacher);
    await teacher.waitFor('nettutor workshop: 0 learners');
    expect(await teacher.screen()).toContain('ssh -p 2222 <nickname>@localhost');

    const alice = await Learner.open(s.port, { username: 'alice' });
    learners.push(alice);
    await alice.waitFor('Enter open');
    await teacher.waitFor(/\+ alice joined/);
    await teacher.waitFor(/^alice\s+passphrase\s+-\s+-\s+0\/\d+\s+0%/m);
    await alice.press(KEY.down, KEY.enter);
    await alice.waitFor('page 1/');
    await alice.press('n');
    await teacher.waitFor(
      new RegExp(`^alice\\s+passphrase\\s+${escapeRegExp(secondLesson.title)}\\s+page 2/\\d+`, 'm'),
    );

    await teacher.press('e');
    const written = await teacher.waitFor(/Scores written: (\S+\.csv) and/);
    const csv = /Scores written: (\S+\.csv)/.exec(written.replace(/\n/g, ''))![1]!;
    expect(existsSync(csv)).toBe(true);

    await alice.press('q');
    await teacher.waitFor(/- alice left \(quit\)/);
    await teacher.waitFor('nettutor workshop: 0 learners');
    await teacher.press('q');
    await teacher.waitClosed();
    expect(teacher.exitCode).toBe(0);
    // Leaving the view stops nothing: learners still get in.
    const bob = await Learner.open(s.port, { username: 'bob' });
    learners.push(bob);
    await bob.waitFor('Enter open');
  });
});
