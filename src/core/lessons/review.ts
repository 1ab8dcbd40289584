// Review pages: a lesson that asks again what other lessons taught, without
// copying them. A page `{ "id": …, "review": { "from": "<lesson>/<id>" } }`
// names an exercise of another lesson, or a question one of its models asks;
// once every lesson is loaded, `resolveReviews` puts that exercise (or the
// whole model page: its model and every question it asks) on the review page,
// with the origin's title and text unless the review page has its own. The
// exercise is the origin's own object, so it is graded by the same answer
// source, with fresh parameters on each attempt, the same why for each wrong
// option and the same hints, in every language the origin is written in.
//
// Progress of a review page is kept under the review lesson's id, each item
// by `<origin-lesson>/<id>` (gradedKey): solving it in the review does not
// count for the origin lesson, whose score says how that lesson went.
import { didYouMean } from '../suggest.js';
import type { Lesson, LessonProblem, Page } from './types.js';

const KEBAB = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** `"<lesson-id>/<exercise-or-question-id>"`: two kebab-case ids joined by a slash. */
export const REVIEW_FROM = new RegExp(`^${KEBAB}/${KEBAB}$`);

/** The lesson and the item a review's `from` names. */
export function splitFrom(from: string): { lesson: string; item: string } {
  const slash = from.indexOf('/');
  return { lesson: from.slice(0, slash), item: from.slice(slash + 1) };
}

/**
 * The id progress keeps a graded item of `page` by: its own id, or, on a review page, `<origin-lesson>/<id>`, so
 * that two lessons' items with the same id stay apart in the review's record.
 */
export function gradedKey(page: Page, id: string): string {
  return page.review ? `${splitFrom(page.review.from).lesson}/${id}` : id;
}

/** The ids of the questions a page's model asks (its kind said, when the lesson was read: see PageModel). */
export function modelQuestionIds(page: Page): string[] {
  return page.model ? [...page.model.questionIds] : [];
}

/** The scenario files a page's exercise and model run with: those of the lesson it comes from. */
export function pageScenarios(lesson: Pick<Lesson, 'scenarios'>, page: Page): Lesson['scenarios'] {
  return page.review?.origin ? page.review.origin.scenarios : lesson.scenarios;
}

export interface ResolvedReviews {
  /** Every lesson, in the order given, its review pages filled in; a lesson with a problem is left out. */
  lessons: Lesson[];
  /** One problem per review page that cannot be resolved, naming the file, line and field. */
  problems: LessonProblem[];
}

/**
 * Fills in every review page of `lessons` from the lessons it draws on. `skipped` are the ids of lessons that
 * were found but not loaded (they have problems of their own): a review that draws on one says so. A lesson
 * whose review pages have a problem is left out, as a lesson with any other problem is.
 */
export function resolveReviews(lessons: readonly Lesson[], skipped: readonly string[] = []): ResolvedReviews {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const problems: LessonProblem[] = [];
  const out: Lesson[] = [];
  for (const lesson of lessons) {
    if (!lesson.pages.some((p) => p.review)) {
      out.push(lesson);
      continue;
    }
    const before = problems.length;
    /** Where each origin page is reused already, by `<lesson>/<page-id>`. */
    const used = new Map<string, string>();
    const pages = lesson.pages.map((page, i): Page => {
      if (!page.review) return page;
      const field = `pages[${i}].review.from`;
      const problem = (message: string) =>
        problems.push({
          file: lesson.source,
          ...(page.review?.line !== undefined ? { line: page.review.line } : {}),
          field,
          message,
        });
      const found = findOrigin(lesson, page.review.from, byId, skipped);
      if ('error' in found) {
        problem(found.error);
        return page;
      }
      const { origin, originPage } = found;
      const key = `${origin.id}/${originPage.id}`;
      const other = used.get(key);
      if (other !== undefined) {
        problem(
          originPage.model
            ? `"${page.review.from}" is asked by the model of the page "${originPage.id}" of "${origin.id}", which ${other} reuses already (a model's page comes with every question it asks)`
            : `"${page.review.from}" is asked already by ${other}`,
        );
        return page;
      }
      used.set(key, `pages[${i}]`);
      return {
        ...page,
        title: page.title ?? originPage.title,
        text: page.text ?? originPage.text,
        ...(originPage.exercise ? { exercise: originPage.exercise } : {}),
        ...(originPage.model ? { model: originPage.model } : {}),
        review: {
          ...page.review,
          origin: {
            lesson: origin.id,
            lessonTitle: origin.title,
            page: originPage.id,
            ...(originPage.title ? { pageTitle: originPage.title } : {}),
            ...(origin.scenarios ? { scenarios: origin.scenarios } : {}),
          },
        },
      };
    });
    if (problems.length === before) out.push({ ...lesson, pages });
  }
  return { lessons: out, problems };
}

function findOrigin(
  lesson: Lesson,
  from: string,
  byId: ReadonlyMap<string, Lesson>,
  skipped: readonly string[],
): { origin: Lesson; originPage: Page } | { error: string } {
  const { lesson: id, item } = splitFrom(from);
  if (id === lesson.id) {
    return {
      error: `"${from}" is in this lesson itself: a review page asks another lesson's exercise or question (ask this one on a page of its own)`,
    };
  }
  const origin = byId.get(id);
  if (!origin) {
    if (skipped.includes(id))
      return { error: `the lesson "${id}" was not loaded: it has problems of its own (listed with its files)` };
    const ids = [...byId.keys()].filter((l) => l !== lesson.id);
    return { error: `no lesson "${id}" is loaded${didYouMean(id, ids)} (the lessons loaded: ${ids.join(', ')})` };
  }
  const originPage = origin.pages.find(
    (p) => !p.review && (p.exercise?.id === item || modelQuestionIds(p).includes(item)),
  );
  if (originPage) return { origin, originPage };
  // A review never draws on another review: its pages are already another lesson's, and a chain could loop.
  const reviewPage = origin.pages.find((p) => p.review && (p.id === item || splitFrom(p.review.from).item === item));
  if (reviewPage?.review) {
    return {
      error: `"${from}" is a review page of "${id}", which draws on "${reviewPage.review.from}": a review draws only on a lesson's own exercises and questions, never on another review (name "${reviewPage.review.from}" itself)`,
    };
  }
  const ids = origin.pages
    .filter((p) => !p.review)
    .flatMap((p) => [...(p.exercise ? [p.exercise.id] : []), ...modelQuestionIds(p)]);
  const guess = didYouMean(item, ids);
  return {
    error: `the lesson "${id}" has no exercise or question "${item}"${guess || ` (it has ${ids.length > 0 ? ids.join(', ') : 'none'})`}`,
  };
}
