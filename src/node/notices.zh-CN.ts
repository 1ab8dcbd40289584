// The session's notices in Chinese (see notices.ts). Paths, commands and the
// system's own reasons (errno messages) stay as they are.
export const ZH = {
  lessonReplaced: (id: string, dir: string) => `${dir} 中的课程 "${id}" 替换了内置的同名课程。`,
  lessonsSkipped: (files: number, command: string, first: string) =>
    `${files} 个课程文件有问题，已跳过：运行 \`${command}\`（第一个问题：${first}）`,
  progressUnreadable: (file: string, reason: string) =>
    `无法读取你的进度文件 ${file}（${reason}）；它保持原样，本次的进度可能无法保存。`,
  progressMovedAside: (reason: string, aside: string) =>
    `你的进度文件无法使用（${reason}）；它已被移到 ${aside}，你将从头开始。`,
  progressNotMoved: (file: string, reason: string, error: string) =>
    `你的进度文件 ${file} 无法使用（${reason}），也无法移开（${error}）；进度不会覆盖保存到它上面。`,
  workshopLessonsSkipped: (files: number) => `${files} 个课程文件有问题，无法加载（已通知讲师）。`,
  workshopProgressUnread: '无法读取你保存的进度；你将从头开始（讲师可以看到原因）。',
};
