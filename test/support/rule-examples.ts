// The "## Examples" of a rule's header comment, read as test cases (as remark-lint runs its
// `@example` blocks): each `ok` or `not ok` label, optionally naming the file the example is and the
// day it is linted on, then a fenced block, then for `not ok` an arrow and the messages expected,
// each a code span in which `…` stands for any text and an optional `line:column ` prefix.
//
//   ok (`runbooks/payments-api/x.mdx`, today 2026-11-26):      not ok (`services.yaml`):
//   ```mdx                                                    ```yaml
//   …                                                         …
//   ```                                                       ```
//                                                             → `` message … ``, `` other … ``, …
//
// A `…` among the messages (outside them) allows more findings of the rule. A `yaml` block for a doc is its
// frontmatter; a Markdown block without frontmatter gets a valid runbook frontmatter of the demo.

export type RuleExample = {
  readonly ok: boolean;
  /** Where the example is written, relative to the content root. */
  readonly path: string;
  readonly today: string | undefined;
  /** The file's content as written. */
  readonly content: string;
  /** Lines written before the example's own first line (a frontmatter it was given): places count from the example. */
  readonly lineOffset: number;
  /** For `not ok`: each expected message, `…` matching any text, with its place when given. */
  readonly expected: readonly { readonly place: string | undefined; readonly pattern: RegExp; readonly text: string }[];
  /** For `not ok`: whether findings beyond the expected ones are allowed (a trailing `…`). */
  readonly more: boolean;
};

const LABEL = /^(ok|not ok)\b\s*(?:\((.*)\))?.*:$/;
const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;

/** The demo frontmatter a Markdown example without one is given: every field valid. */
export const EXAMPLE_FRONTMATTER = (today: string) =>
  `---\ntitle: Example\nsummary: An example from a rule's documentation.\nowner: payments-core\nservices: [card-authorizer]\nlast_reviewed: ${today}\nseverity: high\n---\n\n`;

export const EXAMPLE_DEFAULT_TODAY = '2026-11-26';

export function parseRuleExamples(markdown: string): RuleExample[] {
  const start = markdown.indexOf('## Examples');
  if (start === -1) return [];
  const lines = markdown.slice(start).split('\n').slice(1);
  const examples: RuleExample[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const label = LABEL.exec((lines[index] ?? '').trim());
    if (!label) continue;
    const ok = label[1] === 'ok';
    const details = label[2] ?? '';
    const path = /`([^`]+\.(?:mdx?|ya?ml))`/.exec(details)?.[1];
    const today = /today (\d{4}-\d{2}-\d{2})/.exec(details)?.[1];
    // The fenced block.
    let open = index + 1;
    while (open < lines.length && !FENCE.test(lines[open] ?? '')) open += 1;
    const fence = FENCE.exec(lines[open] ?? '');
    if (!fence) throw new Error(`"${lines[index]}": no fenced block follows`);
    const marker = fence[1] ?? '```';
    const language = fence[2] ?? '';
    let close = open + 1;
    while (close < lines.length && (lines[close] ?? '').trim() !== marker) close += 1;
    const body = lines.slice(open + 1, close).join('\n');
    index = close;
    // The expected messages, for `not ok`: from the arrow to the next blank line or label.
    let arrow = '';
    if (!ok) {
      let next = close + 1;
      while (next < lines.length && !(lines[next] ?? '').trim().startsWith('→')) next += 1;
      for (; next < lines.length && (lines[next] ?? '').trim() !== '' && !LABEL.test((lines[next] ?? '').trim()); next += 1) arrow += ` ${lines[next]}`;
      index = next - 1;
    }
    const spans = codeSpans(arrow.replace(/^\s*→/, ''));
    const file = path ?? `runbooks/payments-api/example.${language === 'mdx' ? 'mdx' : 'md'}`;
    const day = today ?? EXAMPLE_DEFAULT_TODAY;
    const isRegistry = /\.ya?ml$/.test(file);
    const prefix = isRegistry || body.startsWith('---\n') ? '' : language === 'yaml' ? '---\n' : EXAMPLE_FRONTMATTER(day);
    const content = `${prefix}${body}\n${language === 'yaml' && !isRegistry ? '---\n' : ''}`;
    examples.push({
      ok,
      path: file,
      today,
      content,
      lineOffset: prefix.split('\n').length - 1,
      expected: spans.map((span) => {
        const place = /^(\d+:\d+) /.exec(span)?.[1];
        const text = place ? span.slice(place.length + 1) : span;
        return {
          place,
          text,
          pattern: new RegExp(
            `^${text
              .split(/\s*…\s*/)
              .map(escapeRegExp)
              .join('[\\s\\S]*')}$`,
          ),
        };
      }),
      more: /(?:^|,)\s*…\s*(?:,|$)/.test(withoutSpans(arrow.replace(/^\s*→/, '')).trim()),
    });
  }
  return examples;
}

/** `text` with its code spans taken out. */
function withoutSpans(text: string): string {
  let rest = text;
  for (const span of codeSpans(text)) rest = rest.replace(span, '');
  return rest.replace(/`+/g, '');
}

/** The code spans of `text`, in order, their one-space padding trimmed. */
function codeSpans(text: string): string[] {
  const spans: string[] = [];
  const run = /`+/g;
  for (let match = run.exec(text); match; match = run.exec(text)) {
    const ticks = match[0];
    const end = text.indexOf(ticks, match.index + ticks.length);
    // Only a run of the same length closes a span, and not one that is part of a longer run.
    let close = end;
    while (close !== -1 && (text[close + ticks.length] === '`' || text[close - 1] === '`')) close = text.indexOf(ticks, close + 1);
    if (close === -1) break;
    let span = text.slice(match.index + ticks.length, close);
    if (span.startsWith(' ') && span.endsWith(' ') && span.trim() !== '') span = span.slice(1, -1);
    spans.push(span);
    run.lastIndex = close + ticks.length;
  }
  return spans;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
