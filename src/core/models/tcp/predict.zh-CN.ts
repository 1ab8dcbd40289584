// The predict questions in Chinese (see predict.ts).
import { side } from '../../i18n/zh-words.js';

export const ZH = {
  nextState: (s: string, from: string, to: string, t: number) => `${side(s)}在 ${t} ms 从 ${from} 进入 ${to}。`,
  nextSend: (t: number, s: string, label: string) => `在 ${t} ms，${side(s)}发送 ${label}。`,
  whichState: (s: string | undefined) => `${s ? side(s) : '下一方'}接下来进入哪个状态？`,
  whichFlags: (s: string | undefined) => `${s ? `${side(s)}的` : ''}下一个报文段带哪些标志位？`,
  whichAck: (s: string | undefined) => `${s ? `${side(s)}的` : ''}下一个报文段的确认号是多少？`,
  whichSeq: (s: string | undefined) => `${s ? `${side(s)}的` : ''}下一个报文段的序号是多少？`,
};
