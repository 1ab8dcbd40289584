// The built-in scenarios' titles and descriptions in Chinese (English in
// builtins.ts), following docs/glossary.md. A scenario missing here is shown
// in English.
export const ZH: Record<string, { title: string; description: string }> = {
  handshake: {
    title: '三次握手',
    description:
      '服务器监听，客户端发起连接。看三个报文段：带客户端初始序号的 SYN；带服务器初始序号、且 ack = 客户端初始序号 + 1 的 SYN,ACK；以及 ack = 服务器初始序号 + 1 的 ACK。客户端在 SYN,ACK 到达时进入 ESTABLISHED，服务器要晚一个单程，在 ACK 到达时才进入。',
  },
  'data-transfer': {
    title: '双向传输数据',
    description:
      '握手之后，客户端发送 1500 字节（两个报文段：MSS 是 1000），服务器回应 300 字节。每个报文段都带 ACK；数据让 seq 前进它的长度，接收方立即以 ack = seq + len 确认每个报文段。',
  },
  'client-close': {
    title: '连接释放：客户端先关闭',
    description:
      '客户端先关闭：发送 FIN,ACK，进入 FIN-WAIT-1、FIN-WAIT-2，此时处于 CLOSE-WAIT 的服务器仍可以发送数据。服务器关闭时发送自己的 FIN 并在 LAST-ACK 等待。客户端确认它，并在 TIME-WAIT 停留 2·MSL：TIME-WAIT 属于主动关闭方，无论它是哪一方。时间被缩短了：这里 MSL 为 1 s，所以 TIME-WAIT 持续 2 s；RFC 9293 取 MSL = 2 min（TIME-WAIT 4 min），Linux 的 TIME-WAIT 为 60 s。',
  },
  'three-segment-close': {
    title: '三个报文段的连接释放：ACK 捎带在 FIN 上',
    description:
      '大多数抓包里的连接释放只有三个报文段，而不是四个。启用延迟确认（这里是 200 ms）时，一方在确认前会等一等，看自己有没有报文段可以捎带这个 ACK：客户端数据的 ACK 在计时器到期时单独发出（del-ACK）。客户端的 FIN 到达 50 ms 后，服务器应用程序就关闭了，这时那个 ACK 还没发出，于是它捎带在服务器的 FIN 上：FIN,ACK，ack = 客户端的 FIN + 1。客户端从 FIN-WAIT-1 直接进入 TIME-WAIT，没有经过 FIN-WAIT-2。',
  },
  'server-close': {
    title: '连接释放：服务器先关闭',
    description:
      '这次服务器先关闭，就像 HTTP/1.0 服务器或结束空闲持久连接的服务器那样。现在是服务器经过 FIN-WAIT-1、FIN-WAIT-2 和 TIME-WAIT（这里 MSL 为 1 s，所以是 2 s；Linux 为 60 s，因此先关闭的繁忙服务器会积累很多 TIME-WAIT），而客户端停在 CLOSE-WAIT，直到它的应用程序关闭。',
  },
  'close-wait-leak': {
    title: '永不结束的 CLOSE-WAIT',
    description:
      '客户端关闭了，但服务器应用程序一直不调用 close：服务器停在 CLOSE-WAIT，客户端停在 FIN-WAIT-2（这个引擎没有 FIN-WAIT-2 计时器；Linux 会在 tcp_fin_timeout，即 60 s 后结束孤儿 FIN-WAIT-2）。没有任何 TCP 计时器会结束 CLOSE-WAIT：只有应用程序关闭（或退出）才会。大量处于 CLOSE-WAIT 的套接字说明程序没有关闭它的连接。',
  },
  'connection-refused': {
    title: '没有人监听：连接被拒绝',
    description:
      '客户端连接到一个没有服务器监听的端口。服务器一方没有连接，所以用 RST,ACK 回应 SYN（seq 0，ack = SYN 的 seq + 1）。这个 RST 确认了 SYN，所以客户端接受它，回到 CLOSED，并报告“连接被拒绝”。',
  },
  'lost-syn': {
    title: 'SYN 丢失',
    description:
      '网络丢弃了客户端的第一个 SYN。什么也没有回来，所以在重传超时（RTO，这里是 300 ms）之后，客户端用同一个序号再次发送 SYN。之后握手照常完成，只是晚了一个 RTO。',
  },
  'lost-syn-ack': {
    title: 'SYN,ACK 丢失',
    description:
      '服务器的 SYN,ACK 被丢弃。双方都有计时器在走：客户端重传它的 SYN，处于 SYN-RECEIVED 的服务器对重复的 SYN 再次回应 SYN,ACK（Linux 也是这样），并重新启动自己的重传计时器。',
  },
  'lost-handshake-ack': {
    title: '第三个报文段丢失',
    description:
      '客户端握手的最后一个 ACK 被丢弃：客户端已是 ESTABLISHED，服务器还在 SYN-RECEIVED。客户端的第一个数据报文段也带着 ACK，确认号相同，所以在服务器的计时器重发 SYN,ACK 之前，它就替服务器完成了握手。',
  },
  'lost-fin': {
    title: '第一个 FIN 丢失',
    description:
      '客户端的 FIN 被丢弃，所以服务器始终不知道客户端已经关闭。处于 FIN-WAIT-1 的客户端在 RTO 之后重传 FIN；之后连接释放照常进行。FIN 像数据一样会被重传，因为它占用一个序号。',
  },
  'lost-final-ack': {
    title: '最后一个 ACK 丢失：TIME-WAIT 挽救局面',
    description:
      '客户端的最后一个 ACK 被丢弃。处于 LAST-ACK 的服务器重传它的 FIN。客户端还在 TIME-WAIT（2·MSL：这里 MSL 为 1 s，所以是 2 s；Linux 为 60 s），所以它再次确认这个 FIN，并重新启动 2·MSL 计时器，服务器得以干净地关闭。按 w 看看没有 TIME-WAIT 会怎样。',
  },
  'no-time-wait': {
    title: '没有 TIME-WAIT：对方收到 RST',
    description:
      '同样是最后一个 ACK 丢失，但在这个假设里，主动关闭方跳过 TIME-WAIT，立即忘掉连接。处于 LAST-ACK 的服务器重传 FIN；这次它到达的是没有连接的一方，对方回应 RST（seq = 该 FIN 的确认号）。服务器的关闭以这个 RST 结束，而不是它等待的 ACK：在 LAST-ACK 中 RST 只是关闭连接（RFC 9293 §3.10.7.4），所以关闭以中止告终而不是干净地结束，时序图里标为 ! reset。这就是 TIME-WAIT 的第一个目的：先关闭的一方留下来，确认被重传的 FIN。',
  },
  'simultaneous-open': {
    title: '同时打开',
    description:
      '双方在同一时刻发起连接，它们的 SYN 交叉而过。每一方收到对方的 SYN 时从 SYN-SENT 进入 SYN-RECEIVED，回应 SYN,ACK，收到对方的 SYN,ACK 时进入 ESTABLISHED，中间没有 LISTEN。RFC 9293 用四个报文段画出它：两个 SYN 和两个 SYN,ACK。这里你会看到六个：对方的 SYN,ACK 到达时，每一方还会用一个纯 ACK 回应它，Linux 也是这样。很少见，但 RFC 9293 要求 TCP 能处理它。',
  },
  'simultaneous-close': {
    title: '同时关闭',
    description:
      '双方应用程序在同一时刻关闭，FIN 交叉而过。每一方收到对方的 FIN 时从 FIN-WAIT-1 进入 CLOSING，在自己的 FIN 被确认后进入 TIME-WAIT：双方都等待 2·MSL（这里 MSL 为 1 s，所以是 2 s；Linux 为 60 s）。',
  },
  abort: {
    title: '中止：用 RST 代替 FIN',
    description:
      '客户端中止而不是关闭：它发送 RST（seq = 它的下一个序号），立即忘掉连接，没有 TIME-WAIT。服务器接受这个 RST 并报告“连接被重置”。中止会丢弃尚未交付的数据；用 FIN 有序关闭则不会。',
  },
  'duplicate-segment': {
    title: '重复的报文段',
    description:
      '网络把客户端的数据报文段交付了两次。第二份到达时已经是旧的了（它的字节已经收到），所以服务器不会再次接收这些数据：它只是用同一个确认号再确认一次。',
  },
  'old-duplicate-syn': {
    title: '旧的重复 SYN（三次握手）',
    description:
      '客户端的第一个 SYN 被耽搁，晚到了 950 ms，仍在 MSL 之内（这里 1 s；RFC 9293：2 min）。在此期间，连接用第二个 SYN 建立、传输数据后被中止（RST：没有 TIME-WAIT）；服务器重新监听。旧 SYN 到达：服务器回应 SYN,ACK；客户端没有这样的连接，回应 RST（两次：第一个丢失了）；服务器回到 LISTEN。没有留下陈旧的连接。',
  },
  'old-duplicate-syn-two-way': {
    title: '旧的重复 SYN 遇上两次握手',
    description:
      '同一个迟到的 SYN，但在这个假设里，一个 SYN 就能打开连接。服务器从 LISTEN 直接进入 ESTABLISHED，从不等待自己的 SYN,ACK 被确认，所以当客户端的 RST 丢失时，它就停在一个没人使用的 ESTABLISHED 连接上，占着资源，还可能把陈旧的数据交给它的应用程序。',
  },
  'head-of-line': {
    title: '队头阻塞：一个丢失的报文段拖住了其余的',
    description:
      '服务器用四个报文段发回 4000 字节（在 HTTP/2 中它们可能承载四个流）。第一个丢失了。后三个到达了，但 TCP 只按顺序交付字节：它把它们扣着，每个 ACK 仍然是 ack=5001。当 RTO（这里 300 ms）到期重发丢失的那个时，空洞被填上，一个 ACK 就确认了全部：ack=9001。真实的协议栈常在收到三个重复 ACK 时就重发（快速重传）；无论哪种方式，被扣住的数据都得等。',
  },
};
