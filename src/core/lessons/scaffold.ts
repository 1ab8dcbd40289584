// The lesson `nettutor lessons new <id>` writes: a small working lesson that
// teaches the format by example. Its lesson.jsonc explains each part in
// comments; its en.md has a page of text, a page with the TCP player and a
// predict question, a single-choice question whose options' whys correct
// misconceptions, and a short answer computed by the engine from a random
// parameter. It passes `lessons check --strict` as written.

export interface ScaffoldFile {
  /** The file's name inside the lesson folder. */
  name: string;
  text: string;
}

/** The rule for every id of the format (lessons, pages, exercises, options): kebab-case. */
export const isKebabId = (s: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s);

/** A kebab-case id made from `s` ("My Lesson" → "my-lesson"), or undefined when nothing is left. */
export function kebabIdFrom(s: string): string | undefined {
  const id = s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? undefined : id;
}

/** The files of a new lesson `id`; `schemaPath` is what its `$schema` says (relative to the lesson folder). */
export function scaffoldLesson(id: string, schemaPath: string): ScaffoldFile[] {
  if (!isKebabId(id)) throw new Error(`not a kebab-case id: ${JSON.stringify(id)}`);
  return [
    { name: 'lesson.jsonc', text: structure(id, schemaPath) },
    { name: 'en.md', text: EN },
  ];
}

function structure(id: string, schemaPath: string): string {
  return `// The structure of the lesson "${id}": its pages, exercises, answers and settings, written once
// for every language. Its words are in en.md, under headings named after the ids below; a
// translation is one more file, <locale>.md (zh-CN.md, …), with the same headings.
// Comments like these are allowed. Check the lesson with \`nettutor lessons check <folder>\`.
{
  // Tells an editor (VS Code and others) where the format's JSON Schema is, so it checks
  // this file as you type and explains each field on hover. nettutor itself ignores it.
  "$schema": ${JSON.stringify(schemaPath)},
  // The version of the lesson format.
  "formatVersion": 2,
  // The lesson's id, in kebab-case. Progress is kept by id: keep it once learners use the lesson.
  "id": "${id}",
  // Lessons are listed by order, then by id (the built-in lessons are 1, 2, …).
  "order": 100,
  "pages": [
    // A page of text: its title and text are under "## intro: …" in en.md.
    { "id": "intro" },
    // A page with the TCP player. It runs a scenario (a built-in one, see \`nettutor sim --list\`,
    // or a .json scenario file in this folder) and stops just before an event to ask what
    // happens next. The right answer is whatever the engine does, so it is not written here.
    {
      "id": "watch",
      "model": {
        "kind": "tcp",
        "scenario": "handshake",
        "predict": [
          // Stop before the server's first segment (its SYN,ACK) and ask for its ack number.
          // Hints: "### hint for predict-synack-ack" in en.md.
          { "id": "predict-synack-ack", "before": { "type": "send", "side": "server", "nth": 1 }, "ask": "next-ack" }
        ]
      }
    },
    // A single-choice question: the option ids in the order shown, and the right one.
    // Each option's text and why ("### option <id>", "### why <id>") are in en.md.
    {
      "id": "choose",
      "exercise": {
        "id": "server-established",
        "type": "single",
        "options": ["on-synack", "on-ack", "same-time"],
        "answer": "on-ack"
      }
    },
    // A short answer computed by the engine: each attempt draws a new server ISN, runs the
    // handshake with it and reads the answer from the run, so it is right for every number.
    {
      "id": "compute",
      "exercise": {
        "id": "third-segment-ack",
        "type": "short",
        // How answers are compared: number, token, state or header.
        "kind": "number",
        // {isn} in this exercise's texts and in "set" below is the number drawn.
        "params": { "isn": { "int": [1000, 90000] } },
        "answer": {
          "model": {
            "kind": "tcp",
            "scenario": "handshake",
            "set": { "server.isn": "{isn}" },
            // The ack field of the client's second segment: the third of the handshake.
            "query": { "segment": { "side": "client", "nth": 2 }, "field": "ack" }
          }
        },
        // A typical wrong answer; what it is told is "### mistake isn-itself" in en.md.
        "mistakes": [{ "id": "isn-itself", "answer": { "expr": "{isn}" } }]
      }
    }
  ]
}
`;
}

const EN = `# A new lesson

One or two sentences on what the learner will see and do: the lesson list shows them under the title above.

## intro: A page of text

Each page is a section like this one: "## <page-id>: <page title>", then its text. The page ids are those of lesson.jsonc, and the sections come in the same order.

Text is wrapped to the terminal's width. Keep paragraphs short, with a blank line between them:

- a line that starts with "- " is a bullet;
- two asterisks make a **key word** stand out, and backticks mark \`code\` such as \`SYN,ACK\`;
- a fenced block is shown as it is, never wrapped, for small diagrams:

\`\`\`
client                 server
  |---- SYN seq=1000 ---->|
\`\`\`

## watch: Watch a handshake

Press Space to play or → to step. The player stops before the server answers and asks what acknowledgment number it will send.

### hint for predict-synack-ack

The server acknowledges the client's SYN, and a SYN occupies one sequence number.

## choose: When is the server ESTABLISHED?

### prompt

In a three-way handshake, when does the server enter ESTABLISHED?

### option on-synack

When it sends its SYN,ACK.

### why on-synack

No: sending the SYN,ACK takes the server to SYN-RECEIVED. Its own SYN has not been acknowledged yet, so it cannot know that the client has its ISN.

### option on-ack

When the client's ACK of its SYN,ACK arrives.

### why on-ack

Right: the ACK acknowledges the server's SYN, so now both ISNs are known to both sides.

### option same-time

At the same moment as the client.

### why same-time

No: the client is ESTABLISHED when the SYN,ACK arrives; the server only one trip later, when the client's ACK arrives.

### hint

What must the server hear before it knows the client has its ISN?

### explanation

Each side is ESTABLISHED once its own SYN has been acknowledged: the client when the SYN,ACK arrives, the server when the third segment does.

## compute: The third segment

### prompt

The server's ISN is {isn}. What acknowledgment number does the third segment of the handshake carry?

### mistake isn-itself

That is the server's ISN itself. The SYN,ACK's SYN occupies one sequence number, and the client acknowledges the next number it expects.

### hint

The third segment acknowledges the server's SYN,ACK.

### hint

ack = the server's ISN + 1.
`;
