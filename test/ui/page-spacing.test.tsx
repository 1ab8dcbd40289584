// A page's rows between its parts: one blank row between the title and the
// question when the page has no text of its own, as between text and question.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/core/lessons/types.js';
import { sampleLesson } from '../fixtures/lessons.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const question = sampleLesson.pages[1]!.exercise!;
const lesson: Lesson = {
  ...sampleLesson,
  pages: [
    { id: 'titled', title: 'A titled question', exercise: question },
    { id: 'worded', title: 'A question with words', text: 'Some words first.', exercise: question },
  ],
};

const rowsBetween = (frame: string, above: string, below: string) => {
  const rows = frame.split('\n');
  const from = rows.findIndex((r) => r.includes(above));
  const to = rows.findIndex((r) => r.includes(below));
  return rows.slice(from + 1, to);
};

describe('the rows of a page', () => {
  it('leave one blank row between a title and the question when the page has no text', async () => {
    const ui = await renderTutor({ lessons: [lesson], lesson: lesson.id });
    const frame = await ui.waitForFrame('Which segment carries the server ISN?');
    expect(rowsBetween(frame, 'A titled question', 'Which segment')).toEqual(['']);
  });

  it('leave one blank row between the text and the question', async () => {
    const ui = await renderTutor({ lessons: [lesson], lesson: lesson.id });
    await ui.waitForFrame('A titled question');
    await ui.press('n');
    const frame = await ui.waitForFrame('Some words first.');
    expect(rowsBetween(frame, 'A question with words', 'Some words first.')).toEqual(['']);
    expect(rowsBetween(frame, 'Some words first.', 'Which segment')).toEqual(['']);
  });
});
