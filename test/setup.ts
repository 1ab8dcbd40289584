// Ink draws only the last frame and ignores resizes when CI is set; tests need
// the interactive behaviour a learner's terminal gets.
delete process.env.CI;
delete process.env.NO_COLOR;
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
