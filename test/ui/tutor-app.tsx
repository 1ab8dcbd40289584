// Renders the whole app over the fixture lessons (or the shipped ones) for the
// UI tests of this folder.
import { vi } from 'vitest';
import type { Lesson } from '../../src/core/lessons/types.js';
import { emptyProgress } from '../../src/core/progress/merge.js';
import type { Progress } from '../../src/core/progress/types.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { App } from '../../src/ui/App.js';
import { makeTheme } from '../../src/ui/theme.js';
import { sampleLesson, secondLesson } from '../fixtures/lessons.js';
import { renderTui } from '../helpers/render.js';

export interface AppSetup {
  ascii?: boolean;
  columns?: number;
  rows?: number;
  notices?: string[];
  lesson?: string;
  lessons?: Lesson[];
  locale?: string;
  progress?: Progress;
  seed?: number;
}

export async function renderTutor(opts: AppSetup = {}) {
  const onSave = vi.fn<(p: Progress) => string | undefined>();
  const initial = initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: opts.lessons ?? [sampleLesson, secondLesson],
    progress: opts.progress ?? emptyProgress(),
    seed: opts.seed ?? 7,
    notices: opts.notices,
    startLesson: opts.lesson,
  });
  const ui = await renderTui(
    <App
      initial={initial}
      theme={makeTheme({ color: false, ascii: opts.ascii ?? false })}
      locale={opts.locale ?? 'en'}
      progressFile="/tmp/p.json"
      onSave={onSave}
    />,
    { columns: opts.columns ?? 80, rows: opts.rows ?? 24 },
  );
  return { ...ui, onSave };
}
