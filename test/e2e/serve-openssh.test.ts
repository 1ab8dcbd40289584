// A workshop as it happens: `nettutor serve --dashboard` in one terminal,
// a learner's real OpenSSH client (`ssh -tt`, logging in with a key) in
// another, both in tmux: the learner gets the tutorial and quits with status
// 0, the dashboard shows them come and go, and q, y stops the server with
// status 0.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeRegExp, secondLesson } from '../helpers/builtin-lessons.js';
import { TmuxSession, hasTmux } from '../helpers/tmux.js';
import { tempDir } from '../helpers/ssh.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const hasSsh = spawnSync('ssh', ['-V']).status === 0 && spawnSync('ssh-keygen', ['-?']).error === undefined;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe.skipIf(!hasTmux || !hasSsh)('nettutor serve with the OpenSSH client', () => {
  it('serves a learner logging in with a key, under the dashboard, and stops on q, y', async () => {
    const dir = tempDir('openssh');
    const key = join(dir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'pat', '-f', key]);
    const keys = join(dir, 'authorized_keys');
    writeFileSync(keys, execFileSync('cat', [`${key}.pub`]));
    const server = new TmuxSession(
      [
        'node',
        bin,
        'serve',
        '--dashboard',
        '--port',
        '0',
        '--auth',
        'keys',
        '--authorized-keys',
        keys,
        '--state-dir',
        join(dir, 'state'),
      ],
      { columns: 110, rows: 30 },
    );
    sessions.push(server);
    const board = await server.waitFor(/ssh -p (\d+) localhost/);
    const port = /ssh -p (\d+) localhost/.exec(board)![1]!;

    const learner = new TmuxSession(
      [
        'ssh',
        '-tt',
        '-i',
        key,
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'LogLevel=ERROR',
        '-p',
        port,
        'whoever@127.0.0.1',
      ],
      { columns: 80, rows: 24 },
    );
    sessions.push(learner);
    await learner.waitFor('Enter open');
    learner.keys('Down', 'Enter');
    await learner.waitFor('page 1/');
    learner.resize(70, 20);
    await learner.waitFor(/page 1\/\d+\s*$/m);
    const live = await server.waitFor(
      new RegExp(`^pat\\s+key\\s+${escapeRegExp(secondLesson.title)}\\s+page 1/\\d+`, 'm'),
    );
    expect(live).toMatch(/\+ pat joined/);
    learner.keys('q');
    const end = await learner.waitFor(/EXITED:\d+/);
    expect(end).toContain('Goodbye from nettutor.');
    expect(end).toContain('EXITED:0');
    await server.waitFor(/- pat left \(quit\)/);

    server.keys('q');
    await server.waitFor('Stop the workshop server?');
    server.keys('y');
    const stopped = await server.waitFor(/EXITED:\d+/);
    expect(stopped).toContain('EXITED:0');
  });
});
