// The clients of the User-Agent model and the origin they ask. Each client
// sends GET / with the User-Agent its software really sends (Chrome's as
// reduced since Chrome 101/107/110: minor version 0.0.0, a frozen platform,
// "Android 10; K"), and Chromium-based browsers add the low-entropy client
// hints they send by default (Sec-CH-UA, Sec-CH-UA-Mobile,
// Sec-CH-UA-Platform); Safari, Firefox, curl and crawlers send none. The
// origin picks a response from the request: its rule is the model's, a
// common one (a User-Agent naming a bot or curl is blocked, "Mobi" means a
// phone, as MDN advises), and in the client-hints setting Sec-CH-UA-Mobile
// decides when the request has it. Pure data and functions.

/** The clients there are, by the id lessons and the table use. */
export const CLIENT_IDS = [
  'iphone-safari',
  'android-chrome',
  'android-chrome-124',
  'windows-chrome',
  'mac-chrome',
  'linux-firefox',
  'curl',
  'googlebot',
  'fake-chrome',
] as const;
export type ClientId = (typeof CLIENT_IDS)[number];

export const isClientId = (v: string): v is ClientId => (CLIENT_IDS as readonly string[]).includes(v);

/** What the origin's responses say, the setting the learner changes with `v`. */
export const RESPONSES = ['no-vary', 'vary-ua', 'private', 'client-hints'] as const;
export type ResponseSetting = (typeof RESPONSES)[number];

export const isResponseSetting = (v: string): v is ResponseSetting => (RESPONSES as readonly string[]).includes(v);

/** What a client gets: one of the origin's two pages, or its refusal. Written as on the wire, in every language. */
export const PAGES = ['mobile.html', 'desktop.html', '403 Forbidden'] as const;
export type Page = (typeof PAGES)[number];

export type Field = readonly [name: string, value: string];

export interface Client {
  id: ClientId;
  /** The User-Agent field value it sends. */
  ua: string;
  /** The client hints it sends (Chromium only); none for the others. */
  hints: readonly Field[];
}

const CHROME_125 = '"Google Chrome";v="125", "Chromium";v="125", "Not.A/Brand";v="24"';
const CHROME_124 = '"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"';
const WINDOWS_CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36';

const chromium = (brands: string, mobile: '?0' | '?1', platform: string): Field[] => [
  ['Sec-CH-UA', brands],
  ['Sec-CH-UA-Mobile', mobile],
  ['Sec-CH-UA-Platform', `"${platform}"`],
];

export const CLIENTS: Readonly<Record<ClientId, Client>> = {
  'iphone-safari': {
    id: 'iphone-safari',
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    hints: [],
  },
  'android-chrome': {
    id: 'android-chrome',
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36',
    hints: chromium(CHROME_125, '?1', 'Android'),
  },
  'android-chrome-124': {
    id: 'android-chrome-124',
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    hints: chromium(CHROME_124, '?1', 'Android'),
  },
  'windows-chrome': { id: 'windows-chrome', ua: WINDOWS_CHROME_UA, hints: chromium(CHROME_125, '?0', 'Windows') },
  'mac-chrome': {
    id: 'mac-chrome',
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    hints: chromium(CHROME_124, '?0', 'macOS'),
  },
  'linux-firefox': {
    id: 'linux-firefox',
    ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0',
    hints: [],
  },
  curl: { id: 'curl', ua: 'curl/8.5.0', hints: [] },
  googlebot: {
    id: 'googlebot',
    ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    hints: [],
  },
  // A script that copies Chrome's User-Agent, byte for byte, and nothing else.
  'fake-chrome': { id: 'fake-chrome', ua: WINDOWS_CHROME_UA, hints: [] },
};

export const clientOf = (id: ClientId): Client => CLIENTS[id];

/** The request's header fields, as the client sends them. */
export function requestFields(client: Client): Field[] {
  return [['Host', 'example.com'], ['User-Agent', client.ua], ...client.hints];
}

/** A field's value in a request, case-insensitively by name; undefined when absent. */
export function fieldValue(fields: readonly Field[], name: string): string | undefined {
  return fields.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** The words in a User-Agent that the origin takes for a bot (case-insensitive). */
export const BOT_WORDS = ['bot', 'curl'] as const;

/** Why the origin chose what it chose: the part of the request it read. */
export type Reason =
  /** The User-Agent holds one of BOT_WORDS. */
  | { by: 'bot'; word: string }
  /** The User-Agent holds "Mobi" (or not). */
  | { by: 'ua-mobi' }
  | { by: 'ua-no-mobi' }
  /** Sec-CH-UA-Mobile: ?1 or ?0. */
  | { by: 'hint'; value: '?0' | '?1' };

export interface OriginAnswer {
  page: Page;
  status: 200 | 403;
  /** The response's caching fields, as sent. */
  fields: Field[];
  /** The request fields its Vary names, in order (none without Vary). */
  vary: string[];
  /** A shared cache may store it. */
  storable: boolean;
  /** Why it is not storable by a shared cache. */
  notStored?: 'private' | 'no-store';
  reason: Reason;
}

const MAX_AGE = 'max-age=300';

/** The origin's answer to a client's GET /, with the caching fields of the response setting. */
export function originAnswer(client: Client, response: ResponseSetting): OriginAnswer {
  const ua = client.ua.toLowerCase();
  const word = BOT_WORDS.find((w) => ua.includes(w));
  if (word) {
    // A refusal is never stored: each one goes back to the origin.
    return {
      page: '403 Forbidden',
      status: 403,
      fields: [['Cache-Control', 'no-store']],
      vary: [],
      storable: false,
      notStored: 'no-store',
      reason: { by: 'bot', word },
    };
  }
  const hint = response === 'client-hints' ? fieldValue(client.hints, 'Sec-CH-UA-Mobile') : undefined;
  if (hint === '?0' || hint === '?1') {
    return {
      page: hint === '?1' ? 'mobile.html' : 'desktop.html',
      status: 200,
      fields: [
        ['Cache-Control', MAX_AGE],
        ['Vary', 'Sec-CH-UA-Mobile'],
      ],
      vary: ['Sec-CH-UA-Mobile'],
      storable: true,
      reason: { by: 'hint', value: hint },
    };
  }
  const mobile = client.ua.includes('Mobi');
  const reason: Reason = mobile ? { by: 'ua-mobi' } : { by: 'ua-no-mobi' };
  const page: Page = mobile ? 'mobile.html' : 'desktop.html';
  switch (response) {
    case 'no-vary':
      return { page, status: 200, fields: [['Cache-Control', MAX_AGE]], vary: [], storable: true, reason };
    case 'vary-ua':
      return {
        page,
        status: 200,
        fields: [
          ['Cache-Control', MAX_AGE],
          ['Vary', 'User-Agent'],
        ],
        vary: ['User-Agent'],
        storable: true,
        reason,
      };
    case 'private':
      return {
        page,
        status: 200,
        fields: [
          ['Cache-Control', `private, ${MAX_AGE}`],
          ['Vary', 'User-Agent'],
        ],
        vary: ['User-Agent'],
        storable: false,
        notStored: 'private',
        reason,
      };
    case 'client-hints':
      // No hint: the origin falls back to the User-Agent, and says that it read both.
      return {
        page,
        status: 200,
        fields: [
          ['Cache-Control', MAX_AGE],
          ['Vary', 'Sec-CH-UA-Mobile, User-Agent'],
        ],
        vary: ['Sec-CH-UA-Mobile', 'User-Agent'],
        storable: true,
        reason,
      };
  }
}
