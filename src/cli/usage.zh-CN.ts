// `nettutor --help` in Chinese (src/cli.ts has the English), chosen as the
// tutorial chooses its language: --lang, then LC_ALL/LC_MESSAGES/LANG. Terms as
// docs/glossary.md writes them; commands, options and file names stay as typed.
export const usageZh = (
  version: string,
): string => `nettutor ${version} — 看着 TCP 连接的建立与关闭、HTTP 的工作过程发生，并动手试一试。

用法：
  nettutor [选项]                    打开教程（需要一个终端）
  nettutor sim <场景> [选项]         运行一个 TCP 场景，输出时序图、文字或 JSON
  nettutor sim --list [--long]       列出内置场景（--long：并说明要看什么）
  nettutor http <命令> [选项]        命令行上的 HTTP 模型（见 http --help）
  nettutor lessons check [目录]      检查课程文件（有问题时退出状态为 2）
  nettutor lessons list [--json]     按顺序列出课程
  nettutor lessons new <id>          写出一个起步用的课程：lesson.jsonc、en.md
  nettutor progress                  显示你的进度
  nettutor progress --export         以 JSON 输出你的进度（给讲师）
  nettutor progress --reset [--lesson <id>] [--yes]
                                     清除进度（全部，或某一课）
  nettutor serve [选项]              通过 SSH 为整个工作坊提供教程（需要 ssh2）
  nettutor serve --export            输出每个学员的得分（CSV 或 JSON）

教程的选项：
  --lesson <id>       直接进入某一课
  --lang <代码>       课程和界面的语言：en、zh-CN（默认：上次在课程列表上用 L
                      选的语言，否则看 LANG，否则 en）
  --ascii-only        只用 7 位字符，不画方框；课程以英文显示
                      （中文无法用 7 位写出）
  --no-color          不用颜色（也遵从 NO_COLOR；FORCE_COLOR 强制使用颜色）
  --lessons <目录>    另外加载 <目录> 中的课程（与内置课程 id 相同的
                      课程会替换它）
  --progress <文件>   把进度保存在 <文件> 中（默认：$XDG_DATA_HOME/nettutor/
                      progress.json，在 Linux 上是
                      ~/.local/share/nettutor/progress.json）
  -h, --help          显示本帮助
  -v, --version       显示版本

更多内容（英文）见 \`nettutor sim --help\`、\`nettutor http --help\`、
\`nettutor lessons --help\`、\`nettutor progress --help\`
和 \`nettutor serve --help\`。
在教程中按 ? 查看按键。
`;
