/**
 * # opskb:code-blocks
 *
 * Code blocks are safe to copy-paste at 3 a.m.: each names its language, shell blocks carry no
 * prompts, and destructive commands come right after a warning.
 *
 * 1. **It has a language.** A fenced block names its language after the backticks
 *    (```` ```bash ````, ```` ```sql ````, ```` ```text ```` for output). An indented code block
 *    (`.md` only; MDX has none) cannot name one: write a fenced block instead.
 * 2. **Shell blocks carry no prompts.** In `bash`, `sh`, `shell`, `zsh` and `ksh` blocks (option
 *    `shellLanguages`) no line starts with a prompt: `$ `, `% `, `user@host:~$ `,
 *    `[user@host dir]# `. Each such line is reported at the prompt. A lone `#` is a comment, never a
 *    prompt. `console` and `shell-session` blocks are transcripts (prompted commands mixed with
 *    their output) and may show prompts; commands meant to be run belong in a `bash` block, their
 *    output in a `text` block.
 * 3. **Destructive commands come after a warning.** A block running a command from the table below
 *    (or from option `destructive`) must be preceded by a warning:
 *    - the block right above it is a `<Warning>` or `<Danger>` callout (MDX), or a blockquote whose
 *      text starts with "Warning" or "Danger" (`> **Warning:** …`);
 *      comments (`{/* … *\/}`, `<!-- … -->`) and other code blocks in between are skipped, so one
 *      warning covers a run of consecutive code blocks. Anything else in between (a paragraph, a
 *      heading, a list) breaks the link: the warning must be in view when the reader reaches the
 *      command, so put explanations above the warning or inside it. A block first in a list item
 *      looks above the list item, and above the list when the item is the first;
 *    - or the block sits inside such a callout or blockquote.
 *
 *    The finding points at the first destructive command of the block, once per block (in `.md`
 *    files, where JSX is not rendered, it suggests the blockquote). Commands in
 *    `text`, `txt`, `plaintext`, `output` and `log` blocks are output, not run, and not checked;
 *    whole-line comments (`#` in shell blocks, `--` in SQL blocks) are skipped, and so are commands
 *    run with `--dry-run` (`--dryrun` for `aws s3`). Lines continued with `\` count as one command.
 *
 * | command | matches |
 * |---|---|
 * | `rm -r` | `rm` with `-r`, `-R`, `-rf`, `-fr`, `--recursive`; `rm` of single files is routine and not reported, nor is `git rm` |
 * | `find -delete` | `find … -delete` |
 * | `kubectl delete`, `kubectl drain` | also with global flags before the verb (`kubectl --context prod -n x delete`) |
 * | `kubectl scale --replicas=0` | `--replicas=0` or `--replicas 0` |
 * | `helm uninstall` | and its aliases `delete`, `del`, `un` |
 * | `terraform destroy` | `terraform`/`tofu` `destroy`, and `apply -destroy` |
 * | `git push --force` | `--force`, `-f`, `--force-with-lease` (it still rewrites the remote's history), `+refspec` |
 * | `git reset --hard` | |
 * | `dd of=/dev/…`, `mkfs` | writing a block device, making a file system |
 * | `aws s3 rm --recursive`, `aws s3 rb --force` | removing a whole prefix or bucket; one object is not reported |
 * | `aws rds delete-db-instance`, `aws rds delete-db-cluster`, `aws ec2 terminate-instances` | |
 * | `DROP TABLE`, `DROP DATABASE`, `DROP SCHEMA`, `dropdb` | SQL in any case, also inside `psql -c "…"` |
 * | `TRUNCATE` | `TRUNCATE [TABLE] name` |
 * | `DELETE FROM` without `WHERE` | up to the statement's `;` |
 * | `FLUSHALL`, `FLUSHDB` | Redis, in any case |
 *
 * Stopping commands (`pg_ctl stop -m immediate`, `systemctl stop`) are not in the table: they
 * interrupt but lose nothing that starting again does not bring back. Add them with `destructive`
 * if your team wants a warning there.
 *
 * ## Why
 * People copy-paste from runbooks under pressure. A block without a language is not highlighted
 * and does not say whether it is a command or its output; a `$ ` pasted into a shell fails the
 * command (or, with several lines, runs the wrong half of them). And a runbook that offers
 * `kubectl delete` or `DROP TABLE` with no warning in sight is how a mitigation becomes the
 * incident: the reader must learn what the command destroys, and how to recover, before pressing
 * Enter, not in the paragraph after it.
 *
 * ## Options
 * - `shellLanguages` (default `[bash, sh, shell, zsh, ksh]`): the languages checked for prompts,
 *   and whose `#` lines are comments. It replaces the default list.
 * - `destructive` (default `[]`): more destructive commands, as regular expressions added to the
 *   table, matched case-insensitively on each line of a block (continued lines joined; `^` and `$`
 *   match at line ends). The finding names the text the expression matched, so match just the
 *   command: `vault kv destroy`, not the whole line. An invalid expression is reported in
 *   `opskb.yaml` and the defaults apply.
 *
 * ```yaml
 * rules:
 *   code-blocks:
 *     shellLanguages: [bash, sh, shell, zsh, ksh, fish]
 *     destructive: ['vault kv (destroy|metadata delete)', 'kafka-topics(\.sh)? .*--delete']
 * ```
 *
 * ## Examples
 * ok (`.mdx`):
 * ````mdx
 * <Warning>Deleting the pod drops its in-flight requests; keep at least 6 ready pods.</Warning>
 *
 * ```bash
 * kubectl -n cde delete pod card-authorizer-7c9f
 * ```
 * ````
 * not ok:
 * ````markdown
 * ```
 * $ kubectl -n cde get pods
 * ```
 *
 * Then delete it:
 *
 * ```bash
 * kubectl -n cde delete pod card-authorizer-7c9f
 * ```
 * ````
 * → `` Code block has no language: add one after the backticks (```` ```bash ````, … ``,
 * `` Destructive command `kubectl delete` is not preceded by a warning: add a blockquote starting
 * with "Warning" (`> **Warning:** …`) right before this code block, … ``
 *
 * In an `.mdx` doc the hint offers a `<Warning>` callout as well.
 */
import type { Code, Nodes, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import { z } from 'zod';
import { defineRule } from '../src/lib/lint/define-rule.ts';
import { flavourOfPath } from '../src/lib/markdown/parse.ts';

export type DestructiveCommand = {
  /** How findings name the command; the text the pattern matched when absent. */
  readonly name?: string;
  /** Matches the command where it starts; matched with the `g` and `m` flags added. */
  readonly pattern: RegExp;
  /** The command is harmless when its line also matches this (a dry run). */
  readonly unless?: RegExp;
};

// Building blocks for the command patterns, matched on text where `\`-continued lines are joined.
/** A command word, not part of another word or option (`--rm`, `charm`); `/usr/bin/rm` too. */
const cmd = (name: string): string => String.raw`(?<![\w./-])(?:/[\w./-]*/)?${name}`;
/** Global options before a verb, each with at most one value: `--context prod -n kafka`. */
const FLAGS = String.raw`(?:[ \t]+-[^\s|;&]*(?:[ \t]+[^-\s|;&][^\s|;&]*)?)*[ \t]+`;
/** Any further words of the same simple command (not across `|`, `;`, `&`), then the next one. */
const ARGS = String.raw`(?:[ \t]+[^\s|;&]+)*?[ \t]+`;
/** The end of a word. */
const END = String.raw`(?=[\s|;&'")]|$)`;
const DRY_RUN = /--dry-?run(?!=none)/;

/**
 * A word each built-in command's pattern needs, searched for before the pattern itself: a literal
 * search is far cheaper than a pattern that starts with a look-behind, and most blocks hold few of
 * these words. Commands from the options have none and are always tried.
 */
const NEEDS = new WeakMap<DestructiveCommand, RegExp>();

const command = (name: string, needs: RegExp, pattern: string, unless?: RegExp): DestructiveCommand => {
  const destructive = unless ? { name, pattern: new RegExp(pattern), unless } : { name, pattern: new RegExp(pattern) };
  NEEDS.set(destructive, needs);
  return destructive;
};
const sql = (name: string, needs: RegExp, pattern: string): DestructiveCommand => {
  const destructive = { name, pattern: new RegExp(pattern, 'i') };
  NEEDS.set(destructive, needs);
  return destructive;
};

/** Commands that destroy data or capacity and must come after a warning. */
export const DESTRUCTIVE_COMMANDS: readonly DestructiveCommand[] = [
  // Not `aws s3 rm` (its own entry, with `--dryrun`) nor `git rm` (the files stay in git).
  command('rm -r', /rm/, `(?<!\\b(?:s3|git)[ \\t]+)${cmd('rm')}${ARGS}(?:-[a-zA-Z]*[rR][a-zA-Z]*|--recursive)${END}`),
  command('find -delete', /find/, `${cmd('find')}${ARGS}-delete${END}`),
  command('kubectl delete', /kubectl/, `${cmd('kubectl')}${FLAGS}delete${END}`, DRY_RUN),
  command('kubectl drain', /kubectl/, `${cmd('kubectl')}${FLAGS}drain${END}`, DRY_RUN),
  command('kubectl scale --replicas=0', /kubectl/, `${cmd('kubectl')}${FLAGS}scale${ARGS}--replicas(?:=|[ \\t]+)0${END}`, DRY_RUN),
  command('helm uninstall', /helm/, `${cmd('helm')}${FLAGS}(?:uninstall|delete|del|un)${END}`, DRY_RUN),
  command('terraform destroy', /terraform|tofu/, `${cmd('(?:terraform|tofu)')}${FLAGS}destroy${END}`),
  command('terraform apply -destroy', /terraform|tofu/, `${cmd('(?:terraform|tofu)')}${FLAGS}apply${ARGS}--?destroy${END}`),
  command('git push --force', /git/, `${cmd('git')}${FLAGS}push${ARGS}(?:--force(?:-with-lease|-if-includes)?(?:=[^\\s|;&]*)?|-f|\\+[^\\s|;&]+)${END}`),
  command('git reset --hard', /git/, `${cmd('git')}${FLAGS}reset${ARGS}--hard${END}`),
  command('dd of=/dev/…', /dd/, `${cmd('dd')}${ARGS}of=/dev/`),
  command('mkfs', /mkfs/, `${cmd('mkfs')}(?:\\.\\w+)?${END}`),
  command('aws s3 rm --recursive', /aws/, `${cmd('aws')}${FLAGS}s3[ \\t]+rm${ARGS}--recursive${END}`, /--dryrun\b/),
  command('aws s3 rb --force', /aws/, `${cmd('aws')}${FLAGS}s3[ \\t]+rb${ARGS}--force${END}`),
  command('aws rds delete-db-instance', /aws/, `${cmd('aws')}${FLAGS}rds${FLAGS}delete-db-instance${END}`),
  command('aws rds delete-db-cluster', /aws/, `${cmd('aws')}${FLAGS}rds${FLAGS}delete-db-cluster${END}`),
  command('aws ec2 terminate-instances', /aws/, `${cmd('aws')}${FLAGS}ec2${FLAGS}terminate-instances${END}`, DRY_RUN),
  sql('DROP TABLE', /drop/i, String.raw`\bdrop\s+table\b`),
  sql('DROP DATABASE', /drop/i, String.raw`\bdrop\s+database\b`),
  sql('DROP SCHEMA', /drop/i, String.raw`\bdrop\s+schema\b`),
  command('dropdb', /dropdb/, `${cmd('dropdb')}${END}`),
  sql('TRUNCATE', /truncate/i, String.raw`\btruncate\s+(?:table\s+)?(?:only\s+)?[\w"]`),
  sql('DELETE FROM without WHERE', /delete/i, String.raw`\bdelete\s+from\b(?![^;]*\bwhere\b)`),
  sql('FLUSHALL', /flushall/i, String.raw`\bflushall\b`),
  sql('FLUSHDB', /flushdb/i, String.raw`\bflushdb\b`),
];

export const DEFAULT_SHELL_LANGUAGES = ['bash', 'sh', 'shell', 'zsh', 'ksh'] as const;
/** Blocks that show output or plain text: nothing in them is run. */
const OUTPUT_LANGUAGES = new Set(['text', 'txt', 'plaintext', 'plain', 'output', 'log']);
const SQL_LANGUAGES = new Set(['sql', 'psql', 'pgsql', 'plpgsql', 'postgres', 'postgresql', 'mysql', 'plsql', 'tsql', 'sqlite']);

/** A position inside a code block's text, 1-based. */
export type CodePoint = { readonly line: number; readonly column: number };
export type DestructiveMatch = CodePoint & { readonly name: string };
export type Prompt = CodePoint & { readonly prompt: string };

export type FindOptions = {
  /** Commands besides `DESTRUCTIVE_COMMANDS`. */
  readonly extra?: readonly DestructiveCommand[];
  /** Languages whose `#` lines are comments; defaults to `DEFAULT_SHELL_LANGUAGES`. */
  readonly shellLanguages?: readonly string[];
};

const globalPatterns = new WeakMap<DestructiveCommand, RegExp>();

/** A command's pattern with the `g` and `m` flags, compiled once per command. */
function globalPattern(destructive: DestructiveCommand): RegExp {
  let pattern = globalPatterns.get(destructive);
  if (!pattern) {
    pattern = new RegExp(destructive.pattern.source, `${destructive.pattern.flags.replace(/[gmy]/g, '')}gm`);
    globalPatterns.set(destructive, pattern);
  }
  return pattern;
}

/** The earliest destructive command in a block of `lang`, or undefined when there is none. */
export function findDestructiveCommand(code: string, lang: string | null | undefined, options: FindOptions = {}): DestructiveMatch | undefined {
  const language = lang?.toLowerCase() ?? '';
  if (OUTPUT_LANGUAGES.has(language)) return undefined;
  const shellLanguages = options.shellLanguages ?? DEFAULT_SHELL_LANGUAGES;
  const comment = shellLanguages.some((name) => name.toLowerCase() === language) ? /^[ \t]*#.*$/gm : SQL_LANGUAGES.has(language) ? /^[ \t]*--.*$/gm : undefined;
  // Same length as `code`, so offsets stay valid: continuations joined, comment lines blanked.
  let text = code.replace(/\\(?=\r?\n)\r?\n/g, (continuation) => ' '.repeat(continuation.length));
  if (comment) text = text.replace(comment, (line) => ' '.repeat(line.length));

  let first: { index: number; name: string } | undefined;
  for (const destructive of [...DESTRUCTIVE_COMMANDS, ...(options.extra ?? [])]) {
    if (NEEDS.get(destructive)?.test(text) === false) continue;
    for (const match of text.matchAll(globalPattern(destructive))) {
      if (first && match.index >= first.index) break;
      if (destructive.unless && destructive.unless.test(lineAround(text, match.index))) continue;
      first = { index: match.index, name: destructive.name ?? match[0].trim().replace(/\s+/g, ' ') };
      break;
    }
  }
  return first && { name: first.name, ...pointAt(code, first.index) };
}

const PROMPT = /^([ \t]*)((?:\[[\w.-]+@[\w.-]+[^\]\n]*\]|[\w.-]+@[\w.-]+(?::[^\s$#%]*)?)[$#%]|[$%])(?=[ \t])/;

/** Lines that start with a shell prompt (`$ `, `% `, `user@host:~$ `); `# ` alone is a comment. */
export function findPrompts(code: string): Prompt[] {
  return code.split(/\r?\n/).flatMap((text, index) => {
    const match = PROMPT.exec(text);
    return match ? [{ prompt: `${match[2] ?? ''} `, line: index + 1, column: (match[1] ?? '').length + 1 }] : [];
  });
}

function lineAround(text: string, index: number): string {
  const end = text.indexOf('\n', index);
  return text.slice(text.lastIndexOf('\n', index - 1) + 1, end === -1 ? undefined : end);
}

function pointAt(text: string, index: number): CodePoint {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

const optionsSchema = z.strictObject({
  shellLanguages: z.array(z.string().min(1)).default([...DEFAULT_SHELL_LANGUAGES]),
  destructive: z
    .array(
      z
        .string()
        .min(1)
        .superRefine((source, context) => {
          try {
            new RegExp(source, 'gim');
          } catch (error) {
            context.addIssue({ code: 'custom', message: `is not a valid regular expression (${(error as Error).message})` });
          }
        }),
    )
    .default([]),
});

const CALLOUTS = new Set(['Warning', 'Danger']);
const WARNING_TEXT = /^[^\p{L}\p{N}]*(?:warning|danger)\b/iu;

function isCallout(node: Nodes): node is MdxJsxFlowElement {
  return node.type === 'mdxJsxFlowElement' && CALLOUTS.has(node.name ?? '');
}

/** A warning callout, a one-line `<Warning>…</Warning>`, or a blockquote starting with "Warning" or "Danger". */
function isWarning(node: Nodes): boolean {
  if (isCallout(node)) return true;
  if (node.type === 'blockquote') return WARNING_TEXT.test(toString(node));
  if (node.type === 'paragraph') {
    const visible = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    return visible.length === 1 && visible[0]?.type === 'mdxJsxTextElement' && CALLOUTS.has(visible[0].name ?? '');
  }
  return false;
}

/** Comments: skipped when looking for the block above. */
function isComment(node: Nodes): boolean {
  if (node.type === 'html') return /^\s*(<!--[\s\S]*?-->\s*)+$/.test(node.value);
  if (node.type === 'mdxFlowExpression') return /^\s*(\/\*[\s\S]*?\*\/\s*)+$/.test(node.value);
  return false;
}

/** True when the code block sits in a warning or right under one (see the header). */
function isWarned(code: Code, ancestors: readonly Parent[]): boolean {
  if (ancestors.some((ancestor) => isWarning(ancestor as Nodes))) return true;
  let child: Nodes = code;
  for (let depth = ancestors.length - 1; depth >= 0; depth--) {
    const parent = ancestors[depth];
    if (!parent) return false;
    const siblings: readonly Nodes[] = parent.children;
    for (let index = siblings.indexOf(child) - 1; index >= 0; index--) {
      const sibling = siblings[index];
      if (!sibling || isComment(sibling) || sibling.type === 'code') continue;
      return isWarning(sibling);
    }
    // Nothing above it in its container: the block above the list item (or the list) is the one in view.
    if (parent.type !== 'listItem' && parent.type !== 'list') return false;
    child = parent as Nodes;
  }
  return false;
}

/** Each code block with its ancestors, outermost first. */
function visitCode(node: Nodes, ancestors: Parent[], visit: (code: Code, ancestors: readonly Parent[]) => void): void {
  if (node.type === 'code') visit(node, ancestors);
  if (!('children' in node)) return;
  ancestors.push(node);
  for (const child of node.children) visitCode(child, ancestors, visit);
  ancestors.pop();
}

const NO_LANGUAGE =
  'Code block has no language: add one after the backticks (```` ```bash ````, ```` ```sql ````, ```` ```text ````) so it is highlighted and readers know what it is.';
const INDENTED =
  'Indented code block: use a fenced block with a language (```` ```bash ````, ```` ```sql ````, ```` ```text ````) so it is highlighted and readers know what it is.';

export default defineRule(
  'code-blocks',
  (tree: Root, file, _settings, options) => {
    const source = String(file.value);
    const sourceLines = source.split(/\r?\n|\r/);
    const shellLanguages = options.shellLanguages.map((name) => name.toLowerCase());
    const extra = options.destructive.map((pattern): DestructiveCommand => ({ pattern: new RegExp(pattern, 'i') }));
    const inMdx = flavourOfPath(file.path ?? '') === 'mdx';

    visitCode(tree, [], (code, ancestors) => {
      const start = code.position?.start;
      if (!start) return;
      const fenced = start.offset !== undefined && /^(`{3,}|~{3,})/.test(source.slice(start.offset, start.offset + 3));
      /** Where a point of the code's text is in the file: its lines may be indented or quoted there. */
      const place = ({ line, column }: CodePoint) => {
        const fileLine = start.line + (fenced ? 1 : 0) + line - 1;
        const lineText = code.value.split(/\r?\n/)[line - 1] ?? '';
        const sourceLine = sourceLines[fileLine - 1] ?? '';
        return { line: fileLine, column: Math.max(1, sourceLine.length - lineText.length + 1) + column - 1 };
      };

      if (fenced && !code.lang) file.message(NO_LANGUAGE, { place: start });
      // MDX has no indented code: one there comes from the plain-Markdown fallback after a syntax error.
      if (!fenced && !inMdx) file.message(INDENTED, { place: start });

      const language = code.lang?.toLowerCase() ?? '';
      if (shellLanguages.includes(language)) {
        for (const prompt of findPrompts(code.value)) {
          file.message(
            `Shell prompt \`${prompt.prompt}\` at the start of the line breaks copy-paste: remove it (show output in a separate \`\`\`\` \`\`\`text \`\`\`\` block).`,
            {
              place: place(prompt),
            },
          );
        }
      }

      const destructive = findDestructiveCommand(code.value, code.lang, { extra, shellLanguages });
      if (destructive && !isWarned(code, ancestors)) {
        const fix = inMdx
          ? 'add a `<Warning>` callout or a blockquote starting with "Warning"'
          : 'add a blockquote starting with "Warning" (`> **Warning:** …`)';
        file.message(
          `Destructive command \`${destructive.name}\` is not preceded by a warning: ${fix} right before this code block, saying what it destroys and how to undo it.`,
          {
            place: place(destructive),
          },
        );
      }
    });
  },
  optionsSchema,
);
