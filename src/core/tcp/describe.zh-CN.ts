// The engine's sentences in Chinese (see describe.ts for the English, and docs/glossary.md for the terms).
import { reason, side } from '../i18n/zh-words.js';

export const ZH = {
  at: (t: number) => `${t} ms：`,
  call: (s: string, call: string, bytes?: number) =>
    `${side(s)}应用程序调用 ${call}()${call === 'send' && bytes ? `，发送 ${bytes} 字节` : ''}`,
  state: (s: string, from: string, to: string) => `${side(s)}从 ${from} 进入 ${to}`,
  send: (s: string, again: boolean, label: string, id: number, enters?: string) =>
    `${side(s)}${again ? '再次' : ''}发送 ${label}（报文段 ${id}）${enters ? `，并进入 ${enters}` : ''}`,
  deliver: (s: string, id: number, label?: string) => `${side(s)}收到报文段 ${id}${label ? `（${label}）` : ''}`,
  drop: (s: string, id: number, label?: string) =>
    `报文段 ${id}${label ? `（${label}）` : ''}在发往${side(s)}的途中丢失`,
  retransmitTimer: (s: string) => `${side(s)}的重传计时器到期`,
  timeWaitTimer: (s: string) => `${side(s)}的 TIME-WAIT 计时器（2·MSL）到期`,
  delayedAckTimer: (s: string) => `${side(s)}的延迟确认计时器到期：没有自己的报文段及时捎带这个确认，于是单独发送`,
  error: (s: string, r: string, call: string | null) =>
    `${side(s)}报告错误：${reason(r)}${call ? `（对 ${call}() 的回应）` : ''}`,
  final: (client: string, server: string) => `最终状态：客户端 ${client}，服务器 ${server}。`,
  retransmission: (flags: string, seq: number) => `重传：同一个 ${flags}，seq=${seq}，因为没有及时收到确认而再次发送。`,
  rstAck: (peer: string) =>
    `来自没有连接的一方的 RST,ACK：seq=0，ack = 引发它的报文段的 seq + 其长度（SYN 计为 1），因此${side(peer)}会接受它。`,
  rstAbort: (s: string, peer: string) => `RST：${side(s)}中止连接；seq = 它的下一个序号。${side(peer)}立即丢弃连接。`,
  rstNoConnection: (s: string) => `RST：${side(s)}没有与刚收到的报文段相匹配的连接；seq = 该报文段的确认号。`,
  syn: (s: string, seq: number) => `打开连接：SYN 携带${side(s)}的初始序号（${seq}），并占用一个序号。`,
  synAck: (s: string, peer: string, seq: number, ack: number | null) =>
    `确认${side(peer)}的 SYN（ack = 其 seq + 1 = ${ack}），并携带${side(s)}自己的初始序号（${seq}）。`,
  fin: (s: string, seq: number) =>
    `FIN：${side(s)}没有更多数据要发送。它占用一个序号（${seq}），所以对它的确认将是 ${seq + 1}。`,
  finCarriesAck: (s: string, peer: string, seq: number, ack: number | null) =>
    `FIN：${side(s)}没有更多数据要发送（它占用序号 ${seq}）。它的 ACK 也第一次确认了${side(peer)}的 FIN（ack = ${ack}）：这个确认被延迟了，捎带在这个 FIN 上，所以连接释放只用了三个报文段而不是四个。`,
  data: (peer: string, len: number, seq: number) =>
    `从 seq=${seq} 开始的 ${len} 字节数据；${side(peer)}将以 ack = ${seq + len} 确认它们。`,
  handshakeAck: (peer: string, ack: number | null) =>
    `完成握手：确认${side(peer)}的 SYN（ack = ${ack}）。纯 ACK 不占用序号。`,
  finAck: (peer: string, ack: number | null) => `确认${side(peer)}的 FIN：ack = 其 seq + 1 = ${ack}。`,
  delayedAck: (s: string, ack: number | null) =>
    `延迟确认：${side(s)}等待自己的报文段来捎带它，但没有及时等到，于是单独发送。它确认 ${ack} 之前的所有序号，不占用序号。`,
  pureAck: (s: string, ack: number | null) => `纯确认：${side(s)}已收到 ${ack} 之前的所有序号。它不占用序号。`,
};
