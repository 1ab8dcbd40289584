// How a verdict is announced, in Chinese (see verdict.ts).
export const ZH = {
  correct: '正确。',
  notQuite: '不太对。',
  firstOutOfPlace: (position: number) => `第一个放错位置的是第 ${position} 项。`,
  expected: (answer: string) => `正确答案：${answer}`,
  predictRight: (answer: string) => `答对了：${answer}`,
  predictWrong: (answer: string) => `模型的答案：${answer}`,
};
