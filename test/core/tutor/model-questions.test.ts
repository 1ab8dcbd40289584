// A model may ask its question as soon as its page opens, and ask it again
// (a new attempt, about a new body) once the learner changes the model after
// the verdict; a model that draws gets a new seed at each visit.
import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../../src/core/lessons/types.js';
import type { MultipartState } from '../../../src/core/models/http-multipart/model.js';
import { byteString } from '../../../src/core/models/http-multipart/multipart.js';
import { emptyProgress } from '../../../src/core/progress/merge.js';
import { type TutorAction, type TutorState, initialTutorState, tutorReducer } from '../../../src/core/tutor/machine.js';

const lesson: Lesson = {
  id: 'uploads',
  order: 1,
  title: 'Uploads',
  summary: 'A form.',
  source: '/tmp/uploads/lesson.jsonc',
  pack: 'test',
  pages: [
    { id: 'intro', text: 'Hello.' },
    {
      id: 'find',
      model: {
        kind: 'http-multipart',
        settings: { question: { id: 'find-boundary', ask: 'boundary', hints: ['Look at the first line.'] } },
        questionIds: ['find-boundary'],
      },
    },
  ],
};

const run = (state: TutorState, ...actions: TutorAction[]) => actions.reduce(tutorReducer, state);
const start = () =>
  initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: [lesson],
    progress: emptyProgress(),
    seed: 7,
    startLesson: 'uploads',
  });
const bodyOf = (s: TutorState) => byteString((s.model!.state as MultipartState).shown.body);

describe('a question a model asks', () => {
  it('is on screen as soon as the page opens', () => {
    const s = run(start(), { type: 'page/next' });
    expect(s.prediction).toMatchObject({ pointId: 'find-boundary', verdict: null, hintsShown: 0, cursor: 0 });
    expect(s.prediction!.choices).toEqual((s.model!.state as MultipartState).shown.choices);
  });

  it('is asked again after its verdict when the model changes, with the hints seen still counted', () => {
    let s = run(start(), { type: 'page/next' }, { type: 'predict/hint' }, { type: 'predict/submit' });
    expect(s.prediction!.verdict).not.toBeNull();
    const before = bodyOf(s);
    s = run(s, { type: 'model', action: { type: 'form/random' } });
    expect(s.prediction).toMatchObject({ pointId: 'find-boundary', verdict: null, hintsShown: 1 });
    expect(bodyOf(s)).not.toBe(before);
    expect(s.prediction!.choices).toEqual((s.model!.state as MultipartState).shown.choices);
    // A key that changes nothing keeps the question as it is.
    expect(run(s, { type: 'model', action: { type: 'tick' } }).prediction).toBe(s.prediction);
  });

  it('comes with a new body at each visit of the page', () => {
    const first = run(start(), { type: 'page/next' });
    const again = run(first, { type: 'page/prev' }, { type: 'page/next' });
    expect(bodyOf(again)).not.toBe(bodyOf(first));
  });
});
