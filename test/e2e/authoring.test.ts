// An author's first minutes, in a real pseudo-terminal (tmux): write a lesson
// with `nettutor lessons new`, open it in the tutorial, turn to its exercise,
// answer it, read the verdict, quit, and find the answer in the progress file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import { loadLessonFolder } from '../../src/node/lesson-files.js';
import { hasTmux, TmuxSession } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const sessions: TmuxSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.kill();
});

describe.skipIf(!hasTmux)('a lesson written by lessons new, in a terminal', () => {
  it('opens, turns to its exercise, grades the answer and keeps it in the progress file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-authoring-'));
    const lessons = join(dir, 'lessons');
    const progress = join(dir, 'progress.json');
    execFileSync(process.execPath, [bin, 'lessons', 'new', 'first-steps', '--dir', lessons], { encoding: 'utf8' });

    // What the learner will see, read from the files just written.
    const lesson = loadLessonFolder(join(lessons, 'first-steps'), lessons).lesson!;
    const at = lesson.pages.findIndex((p) => p.exercise?.type === 'single');
    const exercise = lesson.pages[at]!.exercise!;
    if (exercise.type !== 'single') throw new Error('the new lesson has no single-choice exercise');
    const right = exercise.options.findIndex((o) => o.id === exercise.answer);
    const pages = lesson.pages.length;

    const s = new TmuxSession(['node', bin, '--lessons', lessons, '--lesson', 'first-steps', '--progress', progress], {
      columns: 80,
      rows: 24,
    });
    sessions.push(s);
    await s.waitFor(`page 1/${pages}`);
    for (let page = 2; page <= at + 1; page++) {
      s.keys('n');
      await s.waitFor(`page ${page}/${pages}`);
    }
    await s.waitFor(text(exercise.prompt, 'en'));
    for (let i = 0; i < right; i++) s.keys('Down');
    s.keys('Enter');
    const verdict = await s.waitFor('Correct');
    // The right option's why, as far as its first line on screen goes.
    expect(verdict.replace(/\s+/g, ' ')).toContain(text(exercise.options[right]!.why, 'en').slice(0, 40));
    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const saved = JSON.parse(readFileSync(progress, 'utf8'));
    expect(saved.lessons['first-steps'].exercises[exercise.id]).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
