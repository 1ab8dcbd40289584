// The proxies lesson in a real pseudo-terminal (tmux), with the built CLI, as a
// learner meets it: the request walks to the proxy, the model asks which
// fields reach the server and grades the answer worked out by hand, the next
// hop shows what the proxy removed and added; then a computed exercise shows
// random proxy names and takes the Via worked out from them. Both land in the
// progress file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/node/lesson-files.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const lesson = loadLessons({ builtinDir: fileURLToPath(new URL('../../lessons', import.meta.url)) }).lessons.find(
  (l) => l.id === 'proxies',
)!;
const pages = lesson.pages.length;
const pageOf = (id: string) => lesson.pages.findIndex((p) => p.id === id) + 1;
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe.skipIf(!hasTmux)('the proxies lesson in a terminal', () => {
  it('walks a request through the proxy, grades which fields reach the server, and a computed Via', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-proxies-'));
    const progress = join(dir, 'progress.json');
    const s = new TmuxSession(['node', bin, '--lesson', 'proxies', '--progress', progress, '--lang', 'en'], {
      columns: 80,
      rows: 24,
    });
    sessions.push(s);
    await s.waitFor(`page 1/${pages}`);

    // The page with the model: the client's request, then → sends it to the proxy.
    for (let page = 2; page <= pageOf('watch'); page++) {
      s.keys('n');
      await s.waitFor(`page ${page}/${pages}`);
    }
    await s.waitFor('Connection: keep-alive');
    s.keys('Right');
    await s.waitFor('The request has reached the proxy');
    s.keys('Right');
    const asked = await s.waitFor('Which fields reach the server, in order?');
    // Worked out by hand: Connection goes, and Keep-Alive, which it names; Host, User-Agent and Accept stay, in
    // order; Via is added last (RFC 9110 §7.6.1, §7.6.3).
    const right = 'Host, User-Agent, Accept, Via';
    const choices = asked
      .split('\n')
      .filter((l) => /^[›> ] Host/.test(l))
      .map((l) => l.slice(2).trim());
    const at = choices.indexOf(right);
    expect(at, asked).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) s.keys('Down');
    s.keys('Enter');
    await s.waitFor(`Right: ${right}`);

    // The next hop: what the proxy sends on, marked.
    s.keys('Right');
    const hop = await s.waitFor('proxy → server');
    expect(hop).toContain('✕ Connection: keep-alive');
    expect(hop).toContain('✕ Keep-Alive: timeout=5');
    expect(hop).toContain('+ Via: 1.1 proxy');

    // On to the computed exercise: the Via after two proxies, with names drawn at random.
    for (let page = pageOf('watch') + 1; page <= pageOf('via-after-two'); page++) {
      s.keys('n');
      await s.waitFor(`page ${page}/${pages}`);
    }
    const screen = (await s.waitFor(/HTTP\/1\.[01], without Via,[\s\S]*then \w+\./)).replace(/\s+/g, ' ');
    const [, version, first, second] = screen.match(/HTTP\/(1\.[01]), without Via, .* first (\w+), then (\w+)\./)!;
    // By hand: each proxy appends the version it received and its name; the first received the client's version,
    // the second HTTP/1.1 from the first (RFC 9110 §7.6.3, §2.5).
    s.literal(`${version} ${first}, 1.1 ${second}`);
    s.keys('Enter');
    await s.waitFor('Correct');

    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const saved = JSON.parse(readFileSync(progress, 'utf8')).lessons.proxies;
    expect(saved.exercises['predict-reach-server']).toMatchObject({ solved: true, attempts: 1, score: 1 });
    expect(saved.exercises['via-value']).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
