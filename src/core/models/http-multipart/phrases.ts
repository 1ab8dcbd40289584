// Every sentence the multipart model writes: the problems a sender or a
// receiver meets (also the command line's messages), the questions it asks
// and the whys of its verdicts, in English and Chinese.
import { phraseBook } from '../../i18n/phrases.js';
import type { BoundaryFault, BuildProblem, ParseProblem, PartPlace } from './multipart.js';

const EN = {
  faultEmpty: 'it is empty (a boundary has 1 to 70 characters)',
  faultTooLong: (length: number) => `it has ${length} characters (at most 70)`,
  faultChar: (char: string, at: number) =>
    `character ${at}, ${JSON.stringify(char)}, is not allowed (RFC 2046 bchars: letters, digits, '()+_,-./:=? and space)`,
  faultEndsInSpace: 'it ends in a space',
  invalidBoundary: (boundary: string, fault: string) =>
    `the boundary ${JSON.stringify(boundary)} is not valid: ${fault}`,
  placeContent: 'content',
  placeName: 'name',
  placeFilename: 'file name',
  placeContentType: 'Content-Type',
  noParts: 'a form needs at least one part',
  boundaryInPart: (boundary: string, place: string, part: number, name: string) =>
    `the boundary ${JSON.stringify(boundary)} occurs in the ${place} of part ${part} (${JSON.stringify(name)}): a boundary must occur in no part (RFC 2046 §5.1.1)`,
  badContentType: (part: number, name: string) =>
    `part ${part} (${JSON.stringify(name)}): a Content-Type must be one line, not empty`,
  notFormData: (mediaType: string) =>
    `the Content-Type is ${mediaType === '' ? 'empty' : mediaType}, not multipart/form-data`,
  noBoundary: 'the Content-Type has no boundary parameter: multipart/form-data needs one (boundary=..., RFC 7578 §4.1)',
  neverOccurs: (boundary: string) => `the boundary never occurs: no line starts with --${boundary}`,
  closedEmpty: (line: number, boundary: string) => `line ${line}: the body closes (--${boundary}--) before any part`,
  notAtLineStart: (line: number, boundary: string) =>
    `line ${line}: --${boundary} does not start the line: a delimiter must, and the CRLF before it belongs to it (RFC 2046 §5.1.1)`,
  junk: (line: number, boundary: string) =>
    `line ${line}: the line starts with --${boundary} but goes on after it: a delimiter line ends after the boundary, or after -- for the last one`,
  noHeaderEnd: (line: number, part: number) => `line ${line}: part ${part} has no empty line after its header fields`,
  badHeaderLine: (line: number, part: number) =>
    `line ${line}: part ${part} has a line that is not a header field (Name: value)`,
  noDisposition: (line: number, part: number) =>
    `line ${line}: part ${part} has no Content-Disposition: every part needs Content-Disposition: form-data; name="…" (RFC 7578 §4.2)`,
  dispositionNotFormData: (line: number, part: number) =>
    `line ${line}: part ${part}'s Content-Disposition is not form-data (RFC 7578 §4.2)`,
  dispositionNoName: (line: number, part: number) =>
    `line ${line}: part ${part}'s Content-Disposition has no name parameter (RFC 7578 §4.2)`,
  missingClose: (line: number, boundary: string) =>
    `line ${line}: the body ends without the close delimiter --${boundary}--`,

  askBoundary: 'This body was sent with Content-Type: multipart/form-data; boundary=?. What is the boundary?',
  askBroken: 'One delimiter in this body is broken, so a receiver cannot read the form. On which line?',
  askValue: (name: string) => `Which bytes does a receiver get as the value of "${name}"?`,
  boundaryRight: (boundary: string) =>
    `Each delimiter line is -- and the boundary (--${boundary}); the last one adds -- (--${boundary}--).`,
  boundaryIsDelimiter: (choice: string) =>
    `${choice} is a delimiter line: two hyphens, then the boundary. The boundary is what follows the two hyphens.`,
  boundaryIsClose: (choice: string) =>
    `${choice} is the close delimiter: --, the boundary, --. It ends the body; the boundary is between the hyphens.`,
  boundaryLostHyphens:
    'Those hyphens are part of the boundary: a delimiter adds exactly two in front of it, so take off two, no more.',
  withThatBoundary: (problem: string) => `With that boundary a receiver fails: ${problem}.`,
  brokenJoined:
    'The CRLF before a delimiter belongs to the delimiter: without it, the delimiter is only bytes at the end of the part before.',
  brokenIndented: 'A delimiter must start its line: with a space in front, it is only bytes inside the part before.',
  brokenClose: 'The last delimiter must be -- and the boundary and -- again: without it, the body never ends.',
  brokenJunk:
    'A delimiter line ends after the boundary. Receivers look for --boundary at the start of a line, so a line that starts with it and goes on breaks the body.',
  valueRight:
    "The CRLF after the value is not the value: it begins the next delimiter (RFC 2046 §5.1.1), and the empty line before it ends the part's header fields.",
  valueTrailingCrlf: 'The CRLF before the next delimiter belongs to the delimiter, not to the value (RFC 2046 §5.1.1).',
  valueLeadingCrlf: "That CRLF is the empty line that ends the part's header fields: the value starts after it.",
  lineChoice: (line: number) => `line ${line}`,

  readsBack: (bytes: number, parts: number) =>
    `${bytes} bytes, ${parts} part${parts === 1 ? '' : 's'}: a receiver reads ${parts === 1 ? 'it' : 'them'} back.`,
  receiverFails: (problem: string) => `A receiver fails at ${problem}.`,
  boundaryInFile: (boundary: string, file: string) =>
    `The boundary ${boundary} occurs in ${file}: a sender must choose one that occurs in no part. Press b for another.`,
  noFieldToRemove: 'There is no text field to remove.',
  lastPart: 'A body has at least one part: this field is the last one (add a file first with f).',
  twoParts: 'This question looks for a broken delimiter among two parts or more: add a field (a) or a file (f) first.',
  allFields: 'Every example field is in the form already.',
  askAgain: 'Change the form (a, x, f, b) or press r: the question is asked again about the new body.',
  partLabel: (part: number) => `part ${part}`,
  closeLabel: 'end',
  formLabel: 'Form: ',
  noFields: '(no fields)',
  fileBytes: (type: string, bytes: number) => `(${type}, ${bytes} bytes)`,
};

const ZH: Partial<typeof EN> = {
  faultEmpty: '它是空的（boundary 有 1 到 70 个字符）',
  faultTooLong: (length) => `它有 ${length} 个字符（最多 70 个）`,
  faultChar: (char, at) =>
    `第 ${at} 个字符 ${JSON.stringify(char)} 不允许（RFC 2046 的 bchars：字母、数字、'()+_,-./:=? 和空格）`,
  faultEndsInSpace: '它以空格结尾',
  invalidBoundary: (boundary, fault) => `boundary ${JSON.stringify(boundary)} 不合法：${fault}`,
  placeContent: '内容',
  placeName: 'name',
  placeFilename: '文件名',
  placeContentType: 'Content-Type',
  noParts: '表单至少要有一个部分',
  boundaryInPart: (boundary, place, part, name) =>
    `boundary ${JSON.stringify(boundary)} 出现在第 ${part} 个部分（${JSON.stringify(name)}）的${place}里：boundary 不得出现在任何部分中（RFC 2046 §5.1.1）`,
  badContentType: (part, name) => `第 ${part} 个部分（${JSON.stringify(name)}）：Content-Type 必须是一行，且不能为空`,
  notFormData: (mediaType) => `Content-Type 是 ${mediaType === '' ? '空的' : mediaType}，不是 multipart/form-data`,
  noBoundary: 'Content-Type 没有 boundary 参数：multipart/form-data 必须带一个（boundary=...，RFC 7578 §4.1）',
  neverOccurs: (boundary) => `boundary 从未出现：没有一行以 --${boundary} 开头`,
  closedEmpty: (line, boundary) => `第 ${line} 行：消息体在任何部分之前就结束了（--${boundary}--）`,
  notAtLineStart: (line, boundary) =>
    `第 ${line} 行：--${boundary} 不在行首：分隔行必须在行首，它前面的 CRLF 属于分隔行（RFC 2046 §5.1.1）`,
  junk: (line, boundary) =>
    `第 ${line} 行：这一行以 --${boundary} 开头，后面却还有内容：分隔行在 boundary 之后就结束（最后一行是在 -- 之后）`,
  noHeaderEnd: (line, part) => `第 ${line} 行：第 ${part} 个部分的首部字段之后没有空行`,
  badHeaderLine: (line, part) => `第 ${line} 行：第 ${part} 个部分有一行不是首部字段（Name: value）`,
  noDisposition: (line, part) =>
    `第 ${line} 行：第 ${part} 个部分没有 Content-Disposition：每个部分都必须有 Content-Disposition: form-data; name="…"（RFC 7578 §4.2）`,
  dispositionNotFormData: (line, part) =>
    `第 ${line} 行：第 ${part} 个部分的 Content-Disposition 不是 form-data（RFC 7578 §4.2）`,
  dispositionNoName: (line, part) =>
    `第 ${line} 行：第 ${part} 个部分的 Content-Disposition 没有 name 参数（RFC 7578 §4.2）`,
  missingClose: (line, boundary) => `第 ${line} 行：消息体结束了，却没有结束分隔行 --${boundary}--`,

  askBoundary: '这个消息体发送时带的是 Content-Type: multipart/form-data; boundary=?。boundary 是什么？',
  askBroken: '这个消息体里有一个分隔行坏了，接收方读不出表单。是哪一行？',
  askValue: (name) => `接收方得到的 "${name}" 的值是哪些字节？`,
  boundaryRight: (boundary) => `每个分隔行都是 -- 加 boundary（--${boundary}）；最后一个再加上 --（--${boundary}--）。`,
  boundaryIsDelimiter: (choice) => `${choice} 是分隔行：两个连字符，再加 boundary。boundary 是这两个连字符之后的部分。`,
  boundaryIsClose: (choice) =>
    `${choice} 是结束分隔行：--、boundary、--。它结束整个消息体；boundary 是两组连字符之间的部分。`,
  boundaryLostHyphens: '这些连字符是 boundary 的一部分：分隔行只在它前面加两个连字符，所以只去掉两个。',
  withThatBoundary: (problem) => `用这个 boundary，接收方会失败：${problem}。`,
  brokenJoined: '分隔行前面的 CRLF 属于分隔行：少了它，分隔行就只是前一个部分末尾的字节。',
  brokenIndented: '分隔行必须从行首开始：前面多一个空格，它就只是前一个部分里的字节。',
  brokenClose: '最后的分隔行必须是 --、boundary，再加 --：少了它，消息体永远没有结束。',
  brokenJunk:
    '分隔行在 boundary 之后就结束。接收方在行首查找 --boundary，所以以它开头又继续写下去的一行会破坏整个消息体。',
  valueRight:
    '值后面的 CRLF 不属于值：它是下一个分隔行的开头（RFC 2046 §5.1.1）；值前面的空行结束了这个部分的首部字段。',
  valueTrailingCrlf: '下一个分隔行前面的 CRLF 属于分隔行，不属于值（RFC 2046 §5.1.1）。',
  valueLeadingCrlf: '这个 CRLF 是结束首部字段的空行：值从它之后开始。',
  lineChoice: (line) => `第 ${line} 行`,

  readsBack: (bytes, parts) => `共 ${bytes} 字节，${parts} 个部分：接收方能原样读回。`,
  receiverFails: (problem) => `接收方在这里失败：${problem}。`,
  boundaryInFile: (boundary, file) =>
    `boundary ${boundary} 出现在 ${file} 里：发送方必须选一个不出现在任何部分中的 boundary。按 b 换一个。`,
  noFieldToRemove: '没有可以删除的文本字段。',
  lastPart: '消息体至少要有一个部分：这是最后一个字段（先按 f 加一个文件）。',
  twoParts: '这个问题要在两个或更多部分之间找坏掉的分隔行：先加一个字段（a）或文件（f）。',
  allFields: '所有示例字段都已经在表单里了。',
  askAgain: '修改表单（a、x、f、b）或按 r：会针对新的消息体再问一次。',
  partLabel: (part) => `第 ${part} 部分`,
  closeLabel: '结束',
  formLabel: '表单：',
  noFields: '（没有字段）',
  fileBytes: (type, bytes) => `（${type}，${bytes} 字节）`,
};

const { book, say } = phraseBook(EN, { 'zh-CN': ZH });
/** The multipart model's phrases in every language they are written in (see core/i18n/phrases). */
export const MULTIPART_PHRASES = book;
export { say as multipartText };

function faultText(fault: BoundaryFault) {
  switch (fault.kind) {
    case 'empty':
      return say('faultEmpty');
    case 'too-long':
      return say('faultTooLong', fault.length);
    case 'char':
      return say('faultChar', fault.char, fault.at);
    case 'ends-in-space':
      return say('faultEndsInSpace');
  }
}

/** A LocalText built from the same phrase in each language, with LocalText arguments taken language by language. */
function compose(
  build: (locale: string) => string,
  locales: readonly string[] = Object.keys(MULTIPART_PHRASES),
): { en: string; [locale: string]: string } {
  const out: Record<string, string> = {};
  for (const locale of locales) out[locale] = build(locale);
  return out as { en: string; [locale: string]: string };
}

type Local = ReturnType<typeof say>;
const pick = (t: Local, locale: string): string => (typeof t === 'string' ? t : (t[locale] ?? t.en));

const PLACES: Record<PartPlace, keyof typeof EN> = {
  content: 'placeContent',
  name: 'placeName',
  filename: 'placeFilename',
  'content-type': 'placeContentType',
};

/** What a sender cannot build, in words. */
export function buildProblemText(problem: BuildProblem): Local {
  switch (problem.code) {
    case 'no-parts':
      return say('noParts');
    case 'bad-content-type':
      return say('badContentType', problem.part, problem.name);
    case 'invalid-boundary': {
      const fault = faultText(problem.fault);
      return compose((l) => pick(say('invalidBoundary', problem.boundary, pick(fault, l)), l));
    }
    case 'boundary-in-part': {
      const place = say(PLACES[problem.place] as 'placeContent');
      return compose((l) =>
        pick(say('boundaryInPart', problem.boundary, pick(place, l), problem.part, problem.name), l),
      );
    }
  }
}

/** The first problem a receiver meets, in words (with its line where it has one). */
export function parseProblemText(problem: ParseProblem): Local {
  switch (problem.code) {
    case 'not-form-data':
      return say('notFormData', problem.mediaType);
    case 'no-boundary':
      return say('noBoundary');
    case 'invalid-boundary': {
      const fault = faultText(problem.fault);
      return compose((l) => pick(say('invalidBoundary', problem.boundary, pick(fault, l)), l));
    }
    case 'boundary-never-occurs':
      return say('neverOccurs', problem.boundary);
    case 'no-parts':
      return say('closedEmpty', problem.line, problem.boundary);
    case 'delimiter-not-at-line-start':
      return say('notAtLineStart', problem.line, problem.boundary);
    case 'delimiter-junk':
      return say('junk', problem.line, problem.boundary);
    case 'no-header-end':
      return say('noHeaderEnd', problem.line, problem.part);
    case 'bad-header-line':
      return say('badHeaderLine', problem.line, problem.part);
    case 'no-disposition':
      return problem.fault === 'missing'
        ? say('noDisposition', problem.line, problem.part)
        : problem.fault === 'not-form-data'
          ? say('dispositionNotFormData', problem.line, problem.part)
          : say('dispositionNoName', problem.line, problem.part);
    case 'missing-close':
      return say('missingClose', problem.line, problem.boundary);
  }
}

/** A phrase whose argument is itself a LocalText, put together language by language. */
export function sayWith(key: 'withThatBoundary' | 'receiverFails', inner: Local): Local {
  return compose((l) => pick(say(key, pick(inner, l)), l));
}
