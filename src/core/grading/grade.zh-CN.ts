// What grading says in words, in Chinese (see grade.ts).
export const ZH = {
  notANumber: (answer: string) => `“${answer}”不是数字：请用数字作答，例如 1001。`,
  notAState: (answer: string) => `“${answer}”不是 TCP 状态名。`,
  empty: '答案是空的。',
  notMarked: (missed: number) => `还有 ${missed} 个正确选项没有选中。`,
};
