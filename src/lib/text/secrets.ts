// Finds credentials in a piece of text: known token formats, literal values assigned to
// password-like keys, credentials in URLs and high-entropy strings. Pure: the `no-secrets` rule
// decides which text to scan, where a match sits in the file and how to report it.
import { Buffer } from 'node:buffer';

export type SecretKind =
  | 'private-key'
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'jwt'
  | 'url-credentials'
  | 'authorization-header'
  | 'assignment'
  | 'flag'
  | 'high-entropy';

export type SecretMatch = {
  readonly kind: SecretKind;
  /** Offset of the secret's first character in the scanned text. */
  readonly index: number;
  /** The secret itself: never put it in a message, use `maskSecret`. */
  readonly value: string;
  /** What introduced the value: `PGPASSWORD`, `--password`, `postgres://`, `Authorization: Bearer`. */
  readonly key?: string;
  /** Shannon entropy in bits per character, for `high-entropy`. */
  readonly entropy?: number;
};

export type DetectOptions = {
  /**
   * `prose` is stricter about `key: value` pairs (sentences such as "the token: expired" are not
   * assignments); `code` is for code, frontmatter, URLs and markup.
   */
  readonly context?: 'code' | 'prose';
  /** Only quoted values count in assignments: in JavaScript or Python, `password = config.pw` is a reference. */
  readonly stringLiteralsOnly?: boolean;
  /** Look for high-entropy strings (code blocks only: prose is full of long identifiers). */
  readonly scanEntropy?: boolean;
  readonly entropyThreshold?: number;
  readonly entropyMinLength?: number;
  /** Values matching any of these (unanchored) are never reported: known public test values. */
  readonly allow?: readonly (string | RegExp)[];
};

/**
 * No text shorter than this holds a secret that a scanner reports: the shortest are an assignment
 * such as `pwd=Xk9!` (a three-letter key, `=`, a value of at least 4 characters) and, with
 * `entropyMinLength` at its lowest, an 8-character random string. Callers may skip shorter text.
 */
export const SHORTEST_SECRET_TEXT = 8;

export const DEFAULT_ENTROPY_THRESHOLD = 4;
export const DEFAULT_ENTROPY_MIN_LENGTH = 24;

/** `ghp_…Qx3f`: at most a sixth of the value on each side (4 characters at most); `***` below 12 characters. */
export function maskSecret(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 6));
  return shown < 2 ? '***' : `${value.slice(0, shown)}…${value.slice(-shown)}`;
}

/** Shannon entropy of the characters of `value`, in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

const PLACEHOLDERS: readonly RegExp[] = [
  /<[^<>\n]*>/, // <TOKEN>, <your token>
  /^<[A-Za-z_][\w-]*$/, // `<token` of `TOKEN=<token value>`: a bare value ends at the space
  /(?:^|[^A-Za-z0-9])\$[A-Za-z_{(]/, // $TOKEN, ${TOKEN}, $(vault read …); not `Pa$sword`
  /\{\{|\}\}/, // {{ .Values.x }}, {{ secrets.TOKEN }}
  /%[A-Za-z_]+%|%\([A-Za-z_]+\)s|#\{/, // %TOKEN%, %(token)s, #{token}
  /^\{[A-Za-z_][\w.]*\}$/, // {token}
  /`/, // `command`
  /x{4,}|\*{3,}|•{3,}|#{4,}|\.{3}|…/i, // xxxx, XXXXXXXX, ****, ...
  /^(.)\1*$/, // 00000000, aaaa
  /example|changeme|change[-_]me|placeholder|redacted|dummy|replace[-_]?me|not[-_]?a[-_]?real/i,
  /^your[-_ ]?|[-_]here$/i, // your-token-here, YOUR_API_KEY, token_here
  /^(?:password|passwd|secret|token|api[-_]?key|key|value|string|redacted|masked|hidden|none|null|empty|unset|n\/a|tbd|todo)$/i,
];

/** True for values that stand for a secret without being one; see the rule's documentation for the list. */
export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || PLACEHOLDERS.some((pattern) => pattern.test(value));
}

/** Values of a password-like key that are not a literal secret: booleans, numbers, paths, references, YAML syntax. */
const NOT_A_SECRET: readonly RegExp[] = [
  /^(?:true|false|yes|no|on|off|nil|undefined|required|optional|~)$/i,
  /^[|>][-+]?\d*$/, // YAML block scalar indicators
  /^[-+]?\d+(?:\.\d+)?$/, // numbers: ports, TTLs, counts
  /^(?:\/|\.{1,2}\/|~\/|file:|vault:|ref\+|arn:|ssm:|env:|!|&|\*\w|@)/, // paths, secret-store references, YAML tags and aliases, curl @file
  /^[([{]|^[\w.]+\(/, // structures and calls: `[a, b]`, `get_secret()`
];

function isLiteralSecret(value: string): boolean {
  return value.length >= 4 && !isPlaceholder(value) && !NOT_A_SECRET.some((pattern) => pattern.test(value));
}

/** After a flag and a space, a lowercase word is prose (`--token with care`): a credential has a digit, capital or symbol. */
function looksLikeCredential(value: string): boolean {
  return /[^a-z]/.test(value.replace(/[.,;:!?]+$/, ''));
}

/** True when the first of the three segments decodes to a JSON object with `alg`. */
function isJwtHeader(segment: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return header !== null && typeof header === 'object' && typeof (header as Record<string, unknown>)['alg'] === 'string';
  } catch {
    return false;
  }
}

/** A match and whether it is a secret (`false`: recognised, but a placeholder or not a literal). */
type Candidate = SecretMatch & { readonly secret: boolean };
type Scanner = (text: string, options: DetectOptions) => Candidate[];

const KEYWORDS = String.raw`(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|secret[_-]?key|secret[_-]?access[_-]?key|private[_-]?key)`;
/** A value: groups n (double-quoted), n + 1 (single-quoted), n + 2 (bare). */
const VALUE = String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'\x60,;)}\]&]+))`;

const FLAG_PATTERN = new RegExp(String.raw`(?<![\w-])(--?(?=[A-Za-z])[\w-]*?${KEYWORDS})(=|[ \t]+)(?!-)${VALUE}`, 'gid');
const MYSQL_PASSWORD_PATTERN = new RegExp(String.raw`\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b[^\n]*?[ \t]-p${VALUE}`, 'gd');
const ASSIGNMENT_PATTERN = new RegExp(String.raw`(?<![\w.])(["']?)((?=[A-Za-z_])[\w.-]*?${KEYWORDS})\1([ \t]*)(:=|=>|=|:)(?![=:])([ \t]*)${VALUE}`, 'gid');

type Value = { readonly value: string; readonly index: number; readonly quoted: boolean };

function valueAt(match: RegExpExecArray, group: number): Value | undefined {
  for (let n = group; n < group + 3; n += 1) {
    const value = match[n];
    const span = match.indices?.[n];
    if (value !== undefined && span) return { value, index: span[0], quoted: n < group + 2 };
  }
  return undefined;
}

/** Every match of `pattern` (a regular expression with the `g` and `d` flags) in `text`. */
function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex += 1;
  }
  return matches;
}

/** A candidate for group `group` of `match` (the whole match by default). */
function candidate(kind: SecretKind, match: RegExpExecArray, group: number, secret: (value: string) => boolean, key?: string): Candidate[] {
  const value = match[group];
  const span = match.indices?.[group];
  if (value === undefined || !span) return [];
  return [{ kind, index: span[0], value, ...(key === undefined ? {} : { key }), secret: secret(value) }];
}

function tokens(kind: SecretKind, pattern: RegExp): Scanner {
  return (text) => matchesOf(pattern, text).flatMap((match) => candidate(kind, match, 0, (value) => !isPlaceholder(value)));
}

const privateKeys: Scanner = (text) =>
  matchesOf(/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----([\s\S]*?)(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/dg, text).flatMap((match) =>
    candidate('private-key', match, 0, () => {
      // The body without armor headers (`Proc-Type: …`) and comment marks: a marker quoted in prose has none.
      const body = (match[1] ?? '')
        .split('\n')
        .filter((line) => !line.includes(':'))
        .join('')
        .replace(/[\s>#*-]/g, '');
      return body.length >= 20 && !isPlaceholder(body);
    }),
  );

const awsSecretKeys: Scanner = (text) =>
  matchesOf(/(?<![\w.])(["']?)((?:aws_?)?secret_?access_?key)\1[ \t]*(?::=|=>|=|:)[ \t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi, text).flatMap((match) =>
    candidate('aws-secret-access-key', match, 3, (value) => !isPlaceholder(value), match[2]),
  );

const jwts: Scanner = (text) =>
  matchesOf(/(?<![\w.-])([A-Za-z0-9_-]{10,})\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}(?![\w-])/dg, text).flatMap((match) =>
    isJwtHeader(match[1] ?? '') ? candidate('jwt', match, 0, (value) => !isPlaceholder(value)) : [],
  );

const urlCredentials: Scanner = (text) =>
  matchesOf(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s:@/?#'"<>]*:([^\s@/?#'"<>]+)@/dgi, text).flatMap((match) =>
    candidate('url-credentials', match, 2, (value) => value.length >= 3 && !isPlaceholder(value) && !/^\d+$/.test(value), match[1]),
  );

const authorizationHeaders: Scanner = (text) =>
  matchesOf(/\bAuthorization["']?[ \t]*[:=][ \t]*["']?(Bearer|Basic|Token|Bot)[ \t]+([A-Za-z0-9._~+/=-]+)/dgi, text).flatMap((match) =>
    candidate('authorization-header', match, 2, isLiteralSecret, `Authorization: ${match[1] ?? ''}`),
  );

function flagCandidate(found: Value | undefined, key: string, secret: boolean): Candidate[] {
  return found ? [{ kind: 'flag', index: found.index, value: found.value, key, secret: secret && isLiteralSecret(found.value) }] : [];
}

/** `--password x`, `-token=x`, `mysql -px`, `curl -u user:x`, SQL `PASSWORD 'x'` and `IDENTIFIED BY 'x'`. */
const flags: Scanner = (text) => [
  ...matchesOf(FLAG_PATTERN, text).flatMap((match) => {
    const found = valueAt(match, 3);
    // After a space, `--token with care` is prose and `--secret id=npm,src=…` names a file.
    const spaced = match[2] !== '=';
    const secret = found?.quoted === true || !spaced || (looksLikeCredential(found?.value ?? '') && !/=[^=]/.test(found?.value ?? ''));
    return flagCandidate(found, match[1] ?? '', secret);
  }),
  ...matchesOf(MYSQL_PASSWORD_PATTERN, text).flatMap((match) => flagCandidate(valueAt(match, 1), '-p', true)),
  ...matchesOf(/(?<![\w-])(-u|--user)[ \t]+(["']?)[^\s:'"]+:([^\s'"]+)\2/dg, text).flatMap((match) => candidate('flag', match, 3, isLiteralSecret, match[1])),
  ...matchesOf(/\b(PASSWORD|IDENTIFIED[ \t]+BY)[ \t]+(?:"([^"\n]*)"|'([^'\n]*)')/dgi, text).flatMap((match) =>
    flagCandidate(valueAt(match, 2), (match[1] ?? '').replace(/[ \t]+/, ' '), true),
  ),
];

/** `password: x`, `PGPASSWORD=x`, `"api_key": "x"`, `--from-literal=password=x`, `?token=x`. */
const assignments: Scanner = (text, options) =>
  matchesOf(ASSIGNMENT_PATTERN, text).flatMap((match) => {
    const found = valueAt(match, 6);
    if (!found) return [];
    const bare = !found.quoted;
    const prose = options.context === 'prose';
    // In a sentence, `password: Hx8vLq2Zr5Tn.` ends with a full stop that is not part of the value.
    const value = bare && prose ? found.value.replace(/[.,:;]+$/, '') : found.value;
    const spacedAfter = (match[5] ?? '') !== '';
    const spaced = spacedAfter || (match[3] ?? '') !== '';
    const rest = text.slice(found.index + found.value.length);
    const secret =
      isLiteralSecret(value) &&
      !(bare && options.stringLiteralsOnly) &&
      // `vel:token:abc` is a Redis key, not `token: abc`.
      !(bare && match[4] === ':' && !spacedAfter) &&
      // Prose: "the token: expired", "password: Vault holds it" are sentences; a password has a digit or a symbol.
      !(bare && spaced && prose && !/[^A-Za-z]/.test(value)) &&
      // Code: a spaced bare value ends its line or field; `# the token: see Vault for it` is a comment.
      !(bare && spaced && !prose && !/^[ \t]*(?:$|\n|#|\/\/|-->|\*\/|[,;)}\]&])/.test(rest));
    return [{ kind: 'assignment' as const, index: found.index, value, key: match[2] ?? '', secret }];
  });

const highEntropy: Scanner = (text, options) => {
  const threshold = options.entropyThreshold ?? DEFAULT_ENTROPY_THRESHOLD;
  const minLength = options.entropyMinLength ?? DEFAULT_ENTROPY_MIN_LENGTH;
  return matchesOf(/(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{8,}={0,2}(?![A-Za-z0-9+/_=-])/dg, text).flatMap((match) => {
    const value = match[0];
    // Random tokens this long mix cases and digits; names do not, and digests (`sha256:…`, `sha512-…`), git SHAs and UUIDs are hex.
    if (value.length < minLength || !/[A-Z]/.test(value) || !/[a-z]/.test(value) || !/\d/.test(value)) return [];
    if (/^[0-9a-f-]+$/i.test(value) || /^sha\d+-/i.test(value) || /(?:sha\d+|md5)[:-]$/i.test(text.slice(Math.max(0, match.index - 7), match.index))) return [];
    // Names are mostly words (`PaymentsApiLatencyP99High`); in random strings, runs of 3+ lowercase letters are rare.
    const inWords = (value.match(/[a-z]{3,}/g) ?? []).join('').length;
    if (inWords >= value.length * 0.4) return [];
    const entropy = shannonEntropy(value);
    return entropy >= threshold && !isPlaceholder(value) ? [{ kind: 'high-entropy' as const, index: match.index, value, entropy, secret: true }] : [];
  });
};

/** Three dot-separated segments need this. */
const JWT_HINT = /[\w-]{10}\.[\w-]{10}/;

/**
 * In priority order: where two secrets overlap, the first scanner's wins (`token: ghp_…` is a
 * GitHub token). Each scanner has a hint: text its pattern needs (a cheap search that rules out
 * most text, so prose without credentials costs one search instead of twelve).
 */
const SCANNERS: readonly (readonly [hint: RegExp, scanner: Scanner])[] = [
  [/PRIVATE KEY/, privateKeys],
  [/AKIA|ASIA/, tokens('aws-access-key-id', /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/dg)],
  [/secret_?access_?key/i, awsSecretKeys],
  [/gh[pousr]_|github_pat_/, tokens('github-token', /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})(?![A-Za-z0-9_])/dg)],
  [/glpat-/, tokens('gitlab-token', /(?<![\w-])glpat-[A-Za-z0-9_-]{20,}/dg)],
  [/xox[abprs]-/, tokens('slack-token', /(?<![\w-])xox[abprs]-[A-Za-z0-9-]{10,}/dg)],
  [/hooks\.slack\.com/, tokens('slack-webhook', /(?:https?:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/dg)],
  [JWT_HINT, jwts],
  [/:\/\/\S*@/, urlCredentials],
  [/authorization/i, authorizationHeaders],
  [/pass|pwd|secret|token|api[_-]?key|private[_-]?key|mysql|mariadb|-u|identified/i, flags],
  [/pass|pwd|secret|token|api[_-]?key|private[_-]?key/i, assignments],
];
const OTHER_HINTS = new RegExp(
  SCANNERS.filter(([hint]) => hint !== JWT_HINT)
    .map(([hint]) => `(?:${hint.source})`)
    .join('|'),
  'i',
);
/**
 * Whether any scanner's hint is in `text`. JWT_HINT tries ten characters at every position of
 * the text, which cost more than every other hint together in one expression; the dot it needs
 * is searched for first, much faster (about a third of the time over the synthetic knowledge
 * base's lines, with the same answer on each).
 */
function anyHint(text: string): boolean {
  return OTHER_HINTS.test(text) || (/\.[\w-]{10}/.test(text) && JWT_HINT.test(text));
}
const HIGH_ENTROPY: readonly [RegExp, Scanner] = [/[A-Za-z0-9+/_-]{8}/, highEntropy];

/**
 * The secrets in `text`, in order, one per occurrence. A secret claims its span, allowed or not,
 * so that a weaker scanner does not report part of it again.
 */
export function detectSecrets(text: string, options: DetectOptions = {}): SecretMatch[] {
  const scanners = anyHint(text) ? SCANNERS : [];
  const all = options.scanEntropy ? [...scanners, HIGH_ENTROPY] : scanners;
  if (all.length === 0) return [];
  const allow = (options.allow ?? []).map((pattern) => (typeof pattern === 'string' ? new RegExp(pattern) : pattern));
  const claimed: { start: number; end: number }[] = [];
  const found: SecretMatch[] = [];
  for (const [hint, scanner] of all) {
    if (!hint.test(text)) continue;
    for (const { secret, ...match } of scanner(text, options)) {
      const start = match.index;
      const end = start + match.value.length;
      if (!secret || claimed.some((span) => start < span.end && span.start < end)) continue;
      claimed.push({ start, end });
      if (!allow.some((pattern) => match.value.search(pattern) >= 0)) found.push(match);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

type TokenKind = Exclude<SecretKind, 'assignment' | 'flag' | 'url-credentials' | 'authorization-header' | 'high-entropy'>;

const LABELS: Record<TokenKind, readonly [label: string, reference: string]> = {
  'private-key': ['private key block', 'PRIVATE_KEY_FILE'],
  'aws-access-key-id': ['AWS access key id', 'AWS_ACCESS_KEY_ID'],
  'aws-secret-access-key': ['AWS secret access key', 'AWS_SECRET_ACCESS_KEY'],
  'github-token': ['GitHub token', 'GITHUB_TOKEN'],
  'gitlab-token': ['GitLab token', 'GITLAB_TOKEN'],
  'slack-token': ['Slack token', 'SLACK_TOKEN'],
  'slack-webhook': ['Slack webhook URL', 'SLACK_WEBHOOK_URL'],
  jwt: ['JSON Web Token', 'ACCESS_TOKEN'],
};

/** `PGPASSWORD` → `PGPASSWORD`, `spring.datasource.password` → `SPRING_DATASOURCE_PASSWORD`, `apiKey` → `API_KEY`. */
function variableName(key: string): string {
  const name = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return ['', 'P', 'U', 'USER', 'IDENTIFIED_BY'].includes(name) ? 'PASSWORD' : name;
}

function labelOfKey(key: string): string {
  const lower = key.toLowerCase();
  if (/pass|pwd|^-[pu]$|identified/.test(lower)) return 'password';
  if (/private.?key/.test(lower)) return 'private key';
  if (/api.?key/.test(lower)) return 'API key';
  if (/token$/.test(lower)) return 'token';
  return 'secret';
}

/** How to name a match in a message, without its value: kind, where it came from, what to use instead. */
export function describeSecret(match: SecretMatch): { label: string; detail: string; reference: string } {
  const key = match.key ?? '';
  switch (match.kind) {
    case 'assignment':
      return { label: labelOfKey(key), detail: ` assigned to \`${key}\``, reference: variableName(key) };
    case 'flag':
      return { label: labelOfKey(key), detail: ` after \`${key}\``, reference: variableName(key) };
    case 'url-credentials':
      return { label: 'password', detail: ` in a \`${key}\` URL`, reference: 'PASSWORD' };
    case 'authorization-header':
      return { label: 'credential', detail: ` in an \`${key}\` header`, reference: 'TOKEN' };
    case 'high-entropy':
      return { label: 'high-entropy string', detail: ` (${(match.entropy ?? 0).toFixed(1)} bits/char)`, reference: 'SECRET' };
    default: {
      const [label, reference] = LABELS[match.kind];
      return { label, detail: '', reference };
    }
  }
}

/** Kinds recognisable in any text, without the key or context around them: masked in every message. */
const SELF_EVIDENT: ReadonlySet<SecretKind> = new Set([
  'private-key',
  'aws-access-key-id',
  'github-token',
  'gitlab-token',
  'slack-token',
  'slack-webhook',
  'jwt',
  'url-credentials',
]);
/** Shorter than this, a secret's start is too common to look for in other text. */
const QUOTED_PREFIX = 8;
/**
 * How much of a secret another message must quote for it to be masked there: all of it, or this
 * much of a longer one (a message may cut a quote short); `https://` alone is not a webhook URL.
 */
const QUOTED_ENOUGH = 16;

/** Where the secrets no-secrets found in a file are kept, for masking other rules' messages. */
const FOUND = Symbol('opskb secrets found');
type WithSecrets = { [FOUND]?: string[] };

/** Records a secret found in `file` (a VFile), so that `redactSecrets` masks it wherever another rule quotes it. */
export function recordSecret(file: object, value: string): void {
  ((file as WithSecrets)[FOUND] ??= []).push(value);
}

export function recordedSecrets(file: object): readonly string[] {
  return (file as WithSecrets)[FOUND] ?? [];
}

/**
 * `text` (another rule's message, say) with every secret masked as no-secrets masks it: the
 * `known` values found in the file, even quoted in part, cut short or lowercased, and any token
 * recognisable on its own (a GitHub token, a JWT, a password in a URL…). A rule that quotes a
 * link, an owner or a frontmatter key must not print the credential no-secrets hides.
 */
export function redactSecrets(text: string, known: readonly string[]): string {
  let result = text;
  for (const value of known) {
    if (value.length < QUOTED_PREFIX) continue;
    const wanted = value.toLowerCase();
    const head = wanted.slice(0, QUOTED_PREFIX);
    for (let at = result.toLowerCase().indexOf(head); at !== -1; at = result.toLowerCase().indexOf(head, at + 1)) {
      let length = QUOTED_PREFIX;
      while (length < wanted.length && result[at + length]?.toLowerCase() === wanted[length]) length += 1;
      if (length < Math.min(wanted.length, QUOTED_ENOUGH)) continue;
      result = `${result.slice(0, at)}${maskSecret(value)}${result.slice(at + length)}`;
    }
  }
  if (result.length < SHORTEST_SECRET_TEXT) return result;
  const matches = detectSecrets(result).filter((match) => SELF_EVIDENT.has(match.kind));
  for (const match of matches.reverse()) {
    result = `${result.slice(0, match.index)}${maskSecret(match.value)}${result.slice(match.index + match.value.length)}`;
  }
  return result;
}
