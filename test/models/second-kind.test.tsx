// Kinds of model are plug-ins: a kind the tutorial has never heard of (a
// counter, from test/fixtures) is registered in one line in core and one in
// the UI, and a lesson written as files uses it — checked, drawn, driven,
// graded and scored — with no other code knowing its name.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerKind } from '../../src/core/models/registry.js';
import { lessonScore, solvedCount } from '../../src/core/progress/score.js';
import { formatProblem, loadLessonFolder } from '../../src/node/lesson-files.js';
import { registerView } from '../../src/ui/models/registry.js';
import { counterKind } from '../fixtures/counter/kind.js';
import { counterView } from '../fixtures/counter/view.js';
import { writeLessonFiles } from '../helpers/lesson-folder.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from '../ui/tutor-app.js';

const STRUCTURE = `{
  "formatVersion": 2,
  "id": "counting",
  "order": 1,
  "pages": [
    { "id": "count", "model": { "kind": "counter", "start": 1, "askAt": 4, "questionId": "after-two" } },
    {
      "id": "sum",
      "exercise": {
        "id": "n-plus-three",
        "type": "short",
        "kind": "number",
        "params": { "n": { "int": [10, 20] } },
        "answer": { "model": { "kind": "counter", "add": 3 } }
      }
    }
  ]
}
`;
const EN = `# Counting

Count with a model.

## count: Count up

Press + to count.

### hint for after-two

Count on by one.

## sum

### prompt

What is {n} + 3?

### hint

Add three.
`;

function lessonFolder(structure = STRUCTURE) {
  const dir = mkdtempSync(join(tmpdir(), 'nettutor-kind-'));
  return { dir, folder: writeLessonFiles(dir, 'counting', { 'lesson.jsonc': structure, 'en.md': EN }) };
}

describe('a second kind of model, through the registries alone', () => {
  beforeAll(() => {
    registerKind(counterKind);
    registerView(counterView);
  });

  it('is read and checked by its kind: settings, questions, computed answers', () => {
    const { folder } = lessonFolder();
    const r = loadLessonFolder(folder, 'test');
    expect(r.problems).toEqual([]);
    const lesson = r.lesson!;
    expect(lesson.pages[0]!.model).toEqual({
      kind: 'counter',
      settings: { start: 1, askAt: 4, questionId: 'after-two', hints: [{ en: 'Count on by one.' }] },
      // Kept with the page, so the scores count it without loading the kind.
      questionIds: ['after-two'],
    });
    // Its question counts in the score like an exercise.
    expect(solvedCount(lesson, undefined)).toEqual({ solved: 0, of: 2 });

    const { dir, folder: bad } = lessonFolder(STRUCTURE.replace('"askAt": 4', '"askAt": 0'));
    expect(loadLessonFolder(bad, 'test').problems.map((p) => formatProblem(p, dir))).toEqual([
      'counting/lesson.jsonc:6: pages[0].model.askAt: must be above start',
    ]);
  });

  it('runs in the tutorial: its keys, its drawing, its question graded and scored', async () => {
    const lesson = loadLessonFolder(lessonFolder().folder, 'test').lesson!;
    const ui = await renderTutor({ lessons: [lesson], lesson: 'counting' });
    let frame = await ui.waitForFrame('counter: 1');
    expect(frame).toContain('+ count up');
    await ui.press('+');
    await ui.waitForFrame('counter: 2');
    await ui.press('+');
    frame = await ui.waitForFrame('? What comes after 3?');
    await ui.press('h');
    await ui.waitForFrame('hint: Count on by one.');
    await ui.press(KEYS.down, KEYS.enter);
    await ui.waitForFrame('right');
    const saved = ui.onSave.mock.calls.at(-1)![0];
    expect(saved.lessons.counting?.exercises['after-two']).toMatchObject({ solved: true, hintsUsed: 1 });
    expect(lessonScore(lesson, saved.lessons.counting)).toBe(0.75 / 2);

    // The computed answer of the next page comes from the kind's query.
    await ui.press('n');
    await ui.waitForFrame('What is');
    const n = Number(/What is (\d+) \+ 3/.exec(ui.lastFrame() ?? '')?.[1]);
    await ui.type(String(n + 3));
    await ui.press(KEYS.enter);
    await ui.waitForFrame('Correct');
  });
});
