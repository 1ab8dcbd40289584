// The scale note in Chinese (see scale.ts).
export const ZH = {
  scale: (msl: string, timeWait: string) =>
    `时间比例：这里 MSL 为 ${msl}，所以 TIME-WAIT 持续 2 × MSL = ${timeWait}。RFC 9293 取 MSL = 2 min（TIME-WAIT 4 min）；Linux 的 TIME-WAIT 为 60 s。`,
};
