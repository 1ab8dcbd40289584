// What the player says, in Chinese (see player.ts).
import { side } from '../../i18n/zh-words.js';

export const ZH = {
  speed: (speed: number) => `速度 ×${speed}`,
  restarted: '已重新开始：你的改动已撤销',
  nothingToDrop: '此后没有报文段可以丢弃',
  nothingToDuplicate: '此后没有报文段可以复制',
  dropping: (nth: number, s: string, event: number) =>
    `${side(s)}发送的第 ${nth} 个报文段现在会丢失：过程按此重新计算，你仍停在第 ${event} 个事件`,
  duplicating: (nth: number, s: string, event: number) =>
    `${side(s)}发送的第 ${nth} 个报文段现在会到达两次：过程按此重新计算，你仍停在第 ${event} 个事件`,
  twoWay: '假设：两次握手；过程从头开始',
  noTimeWait: '假设：没有 TIME-WAIT；过程从头开始',
  realTcp: '回到真实的 TCP；过程从头开始',
  pausedSmall: '终端太小时已暂停：按空格继续播放',
};
