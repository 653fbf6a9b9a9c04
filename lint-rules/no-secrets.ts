/**
 * # opskb:no-secrets
 *
 * No credentials anywhere in a doc: prose, inline code, code blocks, frontmatter, link URLs,
 * HTML, and JSX attributes and expressions in MDX. The rule reports:
 *
 * | kind | looks like |
 * |---|---|
 * | AWS access key id | `AKIA…` or `ASIA…` and 16 more capitals or digits |
 * | AWS secret access key | 40 base64 characters after `aws_secret_access_key =`, `AWS_SECRET_ACCESS_KEY=`, `"SecretAccessKey":` |
 * | private key block | `-----BEGIN … PRIVATE KEY-----` followed by a key body (a marker alone is fine) |
 * | GitHub, GitLab, Slack tokens | `ghp_` `gho_` `ghu_` `ghs_` `ghr_` `github_pat_`, `glpat-`, `xoxb-` `xoxp-` `xoxa-` `xoxr-` `xoxs-` |
 * | Slack webhook URL | `hooks.slack.com/services/T…/B…/…` |
 * | JSON Web Token | three base64url segments, the first decoding to JSON with `alg` |
 * | password in a URL | `postgres://app:…@db:5432/ledger`, `https://user:…@host` |
 * | `Authorization` header | `Authorization: Bearer …`, `Basic …`, `Token …` |
 * | assignment | a literal value for a key ending in `password`, `passwd`, `passphrase`, `pwd`, `secret`, `token`, `api_key`, `secret_key` or `private_key`: `PGPASSWORD=…`, `password: …`, `"api_key": "…"`, `?token=…` |
 * | flag | `--password …`, `--token=…`, `mysql -p…`, `curl -u user:…`, SQL `PASSWORD '…'` and `IDENTIFIED BY '…'` |
 * | high-entropy string | in code blocks only: a run of base64 characters at least `entropyMinLength` long, mixing capitals, lowercase and digits, with a Shannon entropy of at least `entropyThreshold` bits per character |
 *
 * Not reported, because they are not secrets:
 * - placeholders: `<TOKEN>` (and `<token value>` in `TOKEN=<token value>`), `$TOKEN`, `${TOKEN}`, `$(vault read …)` (a `$` inside a word, as in
 *   `Pa$sword1`, is not a reference), `{{ .Values.token }}`, `%TOKEN%`, `{token}`, values with
 *   `xxxx`, `XXXX`, `***`, `...` or `…`, one repeated character
 *   (`00000000`), values containing `example` in any case (AWS's `AKIAIOSFODNN7EXAMPLE`),
 *   `changeme`, `placeholder`, `redacted`, `dummy` or `replace-me`, values starting with `your`
 *   or ending in `-here`, and bare words such as `password`, `secret`, `token`, `none`;
 * - for assignments and flags: values under 4 characters, booleans, numbers, paths (`/…`,
 *   `./…`, `~/…`), references (`vault:`, `arn:`, `ssm:`, `file:`, `@file`), YAML tags, anchors,
 *   aliases and block markers, and expressions (`get_secret()`);
 * - in prose and frontmatter, `key: value` whose value has only letters ("the token: expired",
 *   "password: Vault holds it"; a sentence's final full stop is not part of a value); after a flag
 *   and a space, a lowercase word (`--token with care`); elsewhere, a spaced, unquoted value that
 *   does not end its line or field (`# the token: see Vault for it`); in code blocks in a
 *   programming language (JavaScript, Python, Go, Terraform…), unquoted values, which are variables;
 * - for the entropy check: hex strings (git SHAs, UUIDs, trace ids), digests after `sha256:` or
 *   in `sha512-…` form, strings without capitals, lowercase and digits all three (pod names), and
 *   names made mostly of words (`PaymentsApiLatencyP99High`: 40% or more in runs of 3+ lowercase
 *   letters).
 *
 * Each finding sits at the first character of the secret and names its kind, never its value:
 * the value is masked to at most a sixth of its length on each side, 4 characters at most, and
 * shows as `***` under 12 characters (`ghp_…Qx3f`, `***`; a private key block, from its BEGIN marker
 * to its END marker, shows as `----…----`). A secret is reported once per occurrence, as its most
 * specific kind: `token: ghp_…` is a GitHub token.
 *
 * ## Why
 * Runbooks are read in a hurry, copied into terminals, screenshotted and pasted into incident
 * channels, and live forever in git history. A credential in a doc is a leaked credential: it has
 * to be rotated, not just deleted. A reference (`$PGPASSWORD`, `vault read …`, `<API_TOKEN>`)
 * tells the reader where to get the secret without handing it to everyone who can read the doc.
 *
 * ## Options
 * In `opskb.yaml`, under `rules.no-secrets`:
 * ```yaml
 * rules:
 *   no-secrets:
 *     allow: ['^pk_test_[A-Za-z0-9]{24}$'] # the payment provider's public test key
 *     entropyThreshold: 4
 *     entropyMinLength: 24
 * ```
 * - `allow` (default `[]`): regular expressions; a secret whose value matches one (unanchored,
 *   anchor it with `^…$`) is never reported. For known public test values, such as a payment
 *   provider's documented test key.
 * - `entropyThreshold` (default `4`): bits per character from which a string in a code block
 *   counts as random. Raise it if the entropy check reports identifiers; `8` turns it off.
 * - `entropyMinLength` (default `24`): shortest string the entropy check looks at.
 *
 * ## Examples
 * ok:
 * ````markdown
 * ```bash
 * export PGPASSWORD="$(vault read -field=password database/creds/ledger-api)"
 * curl -H "Authorization: Bearer $API_TOKEN" https://api.kestrelpay.com/v1/payments
 * psql "postgres://ledger_api:<PASSWORD>@pg-ledger.db.kestrel.internal:5432/ledger"
 * ```
 * ````
 * not ok:
 * ````markdown
 * ```bash
 * export PGPASSWORD=Kestrel2026!
 * ```
 * ````
 * → `` Possible password `Ke…6!` (masked) assigned to `PGPASSWORD` in a code block: remove it and
 * rotate it; reference it instead, e.g. `$PGPASSWORD` or `<PGPASSWORD>`. ``
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { locator } from '../src/lib/text/locator.ts';
import { z } from 'zod';
import { defineRule } from '../src/lib/lint/define-rule.ts';
import {
  DEFAULT_ENTROPY_MIN_LENGTH,
  DEFAULT_ENTROPY_THRESHOLD,
  describeSecret,
  detectSecrets,
  recordSecret,
  maskSecret,
  SHORTEST_SECRET_TEXT,
  type DetectOptions,
} from '../src/lib/text/secrets.ts';

const regexSource = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'expected a regular expression, such as `^pk_test_[A-Za-z0-9]{24}$`' },
);

export const noSecretsOptions = z.strictObject({
  allow: z.array(regexSource).default([]),
  entropyThreshold: z.number({ error: 'expected a number of bits per character, such as `4.5`' }).min(0).max(8).default(DEFAULT_ENTROPY_THRESHOLD),
  entropyMinLength: z.int({ error: 'expected a whole number of characters, such as `24`' }).min(8).default(DEFAULT_ENTROPY_MIN_LENGTH),
});

/** Code languages where an unquoted value is a variable, not a literal. */
const PROGRAMMING_LANGUAGES = new Set([
  'c#',
  'cjs',
  'cs',
  'csharp',
  'go',
  'golang',
  'groovy',
  'hcl',
  'java',
  'javascript',
  'js',
  'jsx',
  'kotlin',
  'kt',
  'mjs',
  'php',
  'py',
  'python',
  'rb',
  'rs',
  'ruby',
  'rust',
  'scala',
  'swift',
  'terraform',
  'tf',
  'ts',
  'tsx',
  'typescript',
]);

/** A stretch of the source to scan: where it is, and how to read it. */
type Region = { readonly start: number; readonly end: number; readonly where: string; readonly scan: DetectOptions };

const CODE: DetectOptions = { context: 'code' };
const PROSE: DetectOptions = { context: 'prose' };
const CODE_BLOCK: DetectOptions = { context: 'code', scanEntropy: true, stringLiteralsOnly: false };
const PROGRAM: DetectOptions = { context: 'code', scanEntropy: true, stringLiteralsOnly: true };

/** The stretches of source that carry text, URLs or attributes; the rest is Markdown syntax. */
function regionsOf(tree: Root): Region[] {
  const regions: Region[] = [];
  const add = (start: number | undefined, end: number | undefined, where: string, scan: DetectOptions) => {
    if (start !== undefined && end !== undefined && end > start) regions.push({ start, end, where, scan });
  };
  visit(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'yaml':
        return add(start, end, 'the frontmatter', PROSE);
      case 'code':
        return add(start, end, 'a code block', PROGRAMMING_LANGUAGES.has(node.lang?.toLowerCase() ?? '') ? PROGRAM : CODE_BLOCK);
      case 'inlineCode':
        return add(start, end, 'inline code', CODE);
      case 'text':
        return add(start, end, 'the text', PROSE);
      case 'html':
        return add(start, end, 'HTML', CODE);
      case 'link':
        // The children are text, scanned on their own; what follows them is `](url "title")`.
        return add(node.children.at(-1)?.position?.end.offset ?? start, end, 'a link', CODE);
      case 'definition':
        return add(start, end, 'a link definition', CODE);
      case 'image':
        return add(start, end, 'an image', CODE);
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        // The opening tag, with its attributes; the children are scanned on their own.
        return add(start, node.children[0]?.position?.start.offset ?? end, 'a JSX attribute', CODE);
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return add(start, end, 'an MDX expression', CODE);
      case 'mdxjsEsm':
        return add(start, end, 'an MDX import or export', CODE);
      default:
        return undefined;
    }
  });
  return regions;
}

export default defineRule(
  'no-secrets',
  (tree, file, _settings, options) => {
    const source = String(file.value);
    const place = locator(source);
    const allow = options.allow.map((pattern) => new RegExp(pattern));
    const entropy = { entropyThreshold: options.entropyThreshold, entropyMinLength: options.entropyMinLength };
    const reported = new Set<number>();
    // One set of options per way of reading a region, not one per region.
    const scans = new Map<DetectOptions, DetectOptions>();
    for (const region of regionsOf(tree)) {
      if (region.end - region.start < SHORTEST_SECRET_TEXT) continue;
      let scan = scans.get(region.scan);
      if (!scan) {
        scan = { ...region.scan, ...entropy, allow };
        scans.set(region.scan, scan);
      }
      for (const match of detectSecrets(source.slice(region.start, region.end), scan)) {
        const offset = region.start + match.index;
        if (reported.has(offset)) continue;
        reported.add(offset);
        recordSecret(file, match.value);
        const { label, detail, reference } = describeSecret(match);
        const allowHint =
          match.kind === 'high-entropy' ? ' If it is not a secret, add a pattern for it to `allow` under `rules.no-secrets` in opskb.yaml.' : '';
        file.message(
          `Possible ${label} \`${maskSecret(match.value)}\` (masked)${detail} in ${region.where}: remove it and rotate it; reference it instead, e.g. \`$${reference}\` or \`<${reference}>\`.${allowHint}`,
          { place: place(offset) },
        );
      }
    }
  },
  noSecretsOptions,
);
