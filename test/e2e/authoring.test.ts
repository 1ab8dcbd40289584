// An author's first minutes, in a real pseudo-terminal (tmux): write a lesson
// with `nettutor lessons new`, open it in the tutorial, turn to its exercise,
// answer it, read the verdict, quit, and find the answer in the progress file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import { loadLessonFolder } from '../../src/node/lesson-files.js';
import { hasTmux, openLesson } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));

describe.skipIf(!hasTmux)('a lesson written by lessons new, in a terminal', () => {
  it('opens, turns to its exercise, grades the answer and keeps it in the progress file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nettutor-authoring-'));
    const lessons = join(dir, 'lessons');
    execFileSync(process.execPath, [bin, 'lessons', 'new', 'first-steps', '--dir', lessons], { encoding: 'utf8' });

    // What the learner will see, read from the files just written.
    const lesson = loadLessonFolder(join(lessons, 'first-steps'), lessons).lesson!;
    const at = lesson.pages.findIndex((p) => p.exercise?.type === 'single');
    const exercise = lesson.pages[at]!.exercise!;
    if (exercise.type !== 'single') throw new Error('the new lesson has no single-choice exercise');
    const right = exercise.options.findIndex((o) => o.id === exercise.answer);

    const { s, saved } = await openLesson(lesson, { lessons, at: at + 1, lang: null });
    await s.waitFor(text(exercise.prompt, 'en'));
    for (let i = 0; i < right; i++) s.keys('Down');
    s.keys('Enter');
    const verdict = await s.waitFor('Correct');
    // The right option's why, as far as its first line on screen goes.
    expect(verdict.replace(/\s+/g, ' ')).toContain(text(exercise.options[right]!.why, 'en').slice(0, 40));
    s.keys('q');
    expect(await s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    expect(saved().exercises[exercise.id]).toMatchObject({ solved: true, attempts: 1, score: 1 });
  });
});
