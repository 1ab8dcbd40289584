import { describe, expect, it } from 'vitest';
import { tcpOf } from '../../helpers/tcp-page.js';
import { validateLesson } from '../../../src/core/grading/lesson-checks.js';
import { composeLesson } from '../../../src/core/lessons/compose.js';
import { convertLessonV1 } from '../../../src/core/lessons/convert.js';
import { text } from '../../../src/core/i18n/localize.js';
import { parseLocaleTexts } from '../../../src/core/lessons/texts.js';
import type { Lesson } from '../../../src/core/lessons/types.js';
import type { LocalText } from '../../../src/core/i18n/localize.js';

/** A first-format lesson with every kind of text in it, some translated and some not. */
const v1 = {
  formatVersion: 1,
  id: 'everything',
  order: 7,
  title: { en: 'Everything', 'zh-CN': '全部' },
  summary: 'Only in English.',
  pages: [
    {
      id: 'intro',
      title: { en: 'Intro', 'zh-CN': '介绍' },
      text: { en: 'Hello.\n\n```\n## kept\n```', 'zh-CN': '你好。' },
    },
    {
      id: 'watch',
      text: 'Watch.',
      simulation: {
        scenario: 'handshake',
        predict: [
          {
            id: 'p-ack',
            before: { type: 'send', side: 'server', nth: 1 },
            ask: 'next-ack',
            hints: [{ en: 'SYN counts one.', 'zh-CN': 'SYN 占一个序号。' }, 'Second hint.'],
          },
        ],
      },
    },
    {
      id: 'single',
      exercise: {
        id: 'pick',
        type: 'single',
        prompt: { en: 'Pick.', 'zh-CN': '选。' },
        hints: ['h1', { en: 'h2', 'zh-CN': '提示二' }],
        explanation: 'Because.',
        options: [
          { id: 'a', text: 'A', why: { en: 'Yes.', 'zh-CN': '对。' } },
          { id: 'b', text: { en: 'B', 'zh-CN': '乙' }, why: 'No.' },
        ],
        answer: 'a',
      },
    },
    {
      id: 'order',
      exercise: {
        id: 'sort',
        type: 'ordering',
        prompt: 'Sort.',
        hints: ['h'],
        items: [
          { id: 'y', text: 'Y' },
          { id: 'x', text: 'X' },
        ],
        answer: ['x', 'y'],
        why: { x: 'X first.' },
      },
    },
    {
      id: 'short',
      exercise: {
        id: 'number',
        type: 'short',
        kind: 'number',
        prompt: 'ISN {isn}: ack?',
        params: { isn: { int: [1, 9] } },
        hints: ['Plus one.'],
        answer: {
          sim: {
            scenario: 'handshake',
            set: { 'client.isn': '{isn}' },
            query: { segment: { side: 'server', nth: 1 }, field: 'ack' },
          },
        },
        accept: ['x'],
        mistakes: [{ answer: { expr: '{isn}' }, why: 'That is the seq.' }],
      },
    },
  ],
};

const TEXT_KEYS = ['title', 'summary', 'text', 'prompt', 'why', 'explanation', 'hints', 'x', 'y'];

/** Every learner-facing text of a lesson as `field=text` in one language, whatever form it is written in. */
const texts = (value: unknown, locale: string, key = ''): string[] => {
  if (typeof value === 'string') return TEXT_KEYS.includes(key) ? [`${key}=${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, locale, key === 'hints' ? 'hints' : ''));
  if (value && typeof value === 'object') {
    if (typeof (value as { en?: unknown }).en === 'string') return [`${key}=${text(value as LocalText, locale)}`];
    return Object.entries(value).flatMap(([k, v]) => texts(v, locale, k));
  }
  return [];
};

describe('converting a first-format lesson', () => {
  const converted = convertLessonV1(v1, '../schema/lesson.schema.json');
  const composed = composeLesson(
    JSON.parse(converted.structure.replace(/^\/\/.*\n/, '')),
    Object.fromEntries(Object.entries(converted.texts).map(([l, t]) => [l, parseLocaleTexts(t)])),
  );
  const lesson = validateLesson(composed.document).lesson as Lesson;

  it('writes one structure and a Markdown file per language', () => {
    expect(Object.keys(converted.texts).sort()).toEqual(['en', 'zh-CN']);
    expect(converted.structure).toContain('"$schema": "../schema/lesson.schema.json"');
    expect(converted.structure).not.toContain('Pick.');
    expect(converted.texts['zh-CN']).toContain('# 全部');
  });

  it('loses nothing: every text reads the same in every language, every answer is kept', () => {
    expect(composed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(lesson).toBeDefined();
    const before = validateLesson(v1 as never);
    expect(before.lesson).toBeUndefined(); // the first format is no longer read: only converted
    for (const locale of ['en', 'zh-CN']) {
      const want = texts(v1, locale).sort();
      expect(texts(lesson, locale).sort()).toEqual(want);
    }
    const short = lesson.pages[4]!.exercise!;
    expect(short).toMatchObject({
      type: 'short',
      params: { isn: { int: [1, 9] } },
      accept: ['x'],
      answer: { model: { kind: 'tcp', settings: { scenario: 'handshake', set: { 'client.isn': '{isn}' } } } },
      mistakes: [{ id: 'mistake-1', answer: { expr: '{isn}' } }],
    });
    expect(tcpOf(lesson.pages[1])?.predict?.[0]).toMatchObject({ id: 'p-ack', ask: 'next-ack' });
  });
});
