// One learner's failure stays theirs: an exception in their input, their
// render, their timer or their promise ends their session alone, with a
// friendly message (no stack trace, no server path); the others carry on and
// the server stays up. And what a client chose never reaches a log raw.
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerKind } from '../../src/core/models/registry.js';
import { loadLessonFolder } from '../../src/node/lesson-files.js';
import { isolateFailures } from '../../src/serve/server.js';
import type { RenderApp } from '../../src/serve/session.js';
import { registerView } from '../../src/ui/models/registry.js';
import { renderApp } from '../../src/ui/render-app.js';
import { counterKind } from '../fixtures/counter/kind.js';
import { counterView } from '../fixtures/counter/view.js';
import faulty, { SECRET_PATH } from '../fixtures/faulty-render.mjs';
import { writeLessonFiles } from '../helpers/lesson-folder.js';
import { KEY, Learner, startServer, tempDir, workshopFixtures } from '../helpers/ssh.js';
import { loadLessons } from '../../src/node/lesson-files.js';

// A lesson whose model's view throws when drawn: a bug in a future lesson's code.
const BROKEN = `{ "formatVersion": 2, "id": "broken", "order": 99,
  "pages": [{ "id": "count", "model": { "kind": "counter", "start": 1, "askAt": 4, "questionId": "q" } }] }`;
const BROKEN_EN = '# Broken on purpose\n\nA lesson whose drawing fails.\n\n## count: Count\n\nPress +.\n';

/** The real app, with a stdin that fails on `!` (key handler), `T` (timer) and `P` (promise). */
const faultyRender: RenderApp = faulty(renderApp);

const restore: Array<() => void> = [];

beforeAll(() => {
  registerKind(counterKind);
  registerView({
    ...counterView,
    lines: () => {
      throw new Error(`${SECRET_PATH}: the view failed`);
    },
  });
});
// Registered before the fixtures' own: after-each hooks run in reverse order, so this runs once servers stop.
afterEach(() => {
  for (const r of restore.splice(0)) r();
});
const { servers, learners } = workshopFixtures();

async function setup() {
  const dir = tempDir('broken');
  const folder = writeLessonFiles(dir, 'broken', { 'lesson.jsonc': BROKEN, 'en.md': BROKEN_EN });
  const broken = loadLessonFolder(folder, 'test');
  expect(broken.problems).toEqual([]);
  const lessons = [...loadLessons({ builtinDir: 'lessons' }).lessons, broken.lesson!];
  const s = await startServer({ lessons }, { render: faultyRender });
  servers.push(s);
  // As in `nettutor serve`: uncaught exceptions and rejections go to the session they came from. Vitest's own
  // handlers are set aside meanwhile (they would fail the run on an error the server handles).
  const saved = (['uncaughtException', 'unhandledRejection'] as const).map((event) => {
    const listeners = process.listeners(event as 'uncaughtException');
    process.removeAllListeners(event);
    return () => {
      for (const l of listeners) process.on(event as 'uncaughtException', l as NodeJS.UncaughtExceptionListener);
    };
  });
  const unisolate = isolateFailures(s);
  restore.push(() => {
    unisolate();
    for (const r of saved) r();
  });
  const bystander = await Learner.open(s.port, { username: 'bystander' });
  learners.push(bystander);
  await bystander.waitFor('Enter open');
  return { s, bystander };
}

async function victim(port: number, name: string) {
  const l = await Learner.open(port, { username: name });
  learners.push(l);
  await l.waitFor('Enter open');
  return l;
}

type Started = Awaited<ReturnType<typeof startServer>>;

async function expectEndedAlone(l: Learner, s: Started, bystander: Learner) {
  await l.waitClosed();
  expect(l.exitCode).toBe(1);
  const screen = await l.screen();
  expect(screen).toMatch(/something went wrong in your session/);
  expect(l.raw).not.toContain(SECRET_PATH);
  expect(l.raw).not.toMatch(/\n\s+at /);
  expect(s.logs.some((line) => line.startsWith('session-error') && line.includes(SECRET_PATH))).toBe(true);
  // Everyone else carries on.
  await bystander.press(KEY.down);
  await bystander.press(KEY.up);
  await bystander.waitFor('Enter open');
  expect(bystander.closed).toBe(false);
  const after = await victim(s.port, `after-${l.options.username}`);
  expect(after.closed).toBe(false);
}

describe('a failure in one learner’s session', () => {
  it('in the key handler ends only that session', async () => {
    const { s, bystander } = await setup();
    const l = await victim(s.port, 'input');
    await l.press('!');
    await expectEndedAlone(l, s, bystander);
  });

  it('in the render ends only that session, with no stack trace drawn', async () => {
    const { s, bystander } = await setup();
    const l = await victim(s.port, 'render');
    // The broken lesson comes last on the list (order 99): G moves to it, Enter opens it.
    await l.press('G', '\r');
    await expectEndedAlone(l, s, bystander);
  });

  it('in a timer ends only that session', async () => {
    const { s, bystander } = await setup();
    const l = await victim(s.port, 'timer');
    await l.press('T');
    await expectEndedAlone(l, s, bystander);
  });

  it('in a promise ends only that session', async () => {
    const { s, bystander } = await setup();
    const l = await victim(s.port, 'promise');
    await l.press('P');
    await expectEndedAlone(l, s, bystander);
  });
});

describe('hostile names', () => {
  it('never reach a log or the instructor view raw, and never name a path', async () => {
    const s = await startServer();
    servers.push(s);
    const hostile = '../../\u001b]0;owned\u0007\u001b[2J\u202eevil';
    const l = await Learner.open(s.port, { username: hostile });
    learners.push(l);
    await l.waitFor('Enter open');
    await l.press('q');
    await l.waitClosed();
    const everything = s.logs.join('\n');
    expect(everything).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    // (The log lines are JSON here, so each backslash of an escape is doubled.)
    expect(everything).toContain('\\\\x1b]0;owned\\\\x07');
    const folders = readdirSync(join(s.config.stateDir, 'learners'));
    expect(folders).toHaveLength(1);
    expect(folders[0]).toMatch(/^passphrase-0-owned-2j-evil-[0-9a-f]{16}$/);
    expect(
      realpathSync(join(s.config.stateDir, 'learners', folders[0]!)).startsWith(realpathSync(s.config.stateDir)),
    ).toBe(true);
  });
});
