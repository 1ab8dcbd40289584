// Learner-facing strings of the screens around the lessons (messages, labels,
// notices). English for now: they are kept here, not inline in the views, so
// that they can be translated in one place later.

export const STRINGS = {
  exercisesSolved: (solved: number, total: number) => `${solved}/${total} exercises solved`,
  pagesSeen: (seen: number, total: number) => `${seen}/${total} pages seen`,
};
