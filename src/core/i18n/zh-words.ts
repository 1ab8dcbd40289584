// Words the Chinese phrase tables share: the two sides, and the engine's error
// reasons (the JSON contract keeps them in English; learners read them in Chinese).

export const side = (s: string): string => (s === 'client' ? '客户端' : s === 'server' ? '服务器' : s);

const REASONS: Record<string, string> = {
  'address already in use': '地址已被占用',
  'already connected': '已经连接',
  'already listening': '已经在监听',
  'cannot send after close': '关闭后不能再发送',
  'connection already in progress': '连接正在建立',
  'connection closing': '连接正在关闭',
  'connection refused': '连接被拒绝',
  'connection reset': '连接被重置',
  'connection timed out': '连接超时',
  'not connected': '未连接',
  'the socket is listening': '套接字正在监听',
};

export const reason = (r: string): string => REASONS[r] ?? r;

/** A reason in at most five characters, for a note beside a lifeline (`! 被重置`). */
const SHORT: Record<string, string> = {
  'address already in use': '地址被占用',
  'already connected': '已连接',
  'already listening': '已在监听',
  'cannot send after close': '不能再发送',
  'connection already in progress': '正在连接',
  'connection closing': '正在关闭',
  'connection refused': '被拒绝',
  'connection reset': '被重置',
  'connection timed out': '超时',
  'not connected': '未连接',
  'the socket is listening': '正在监听',
};

export const shortReason = (r: string): string => SHORT[r] ?? reason(r);
