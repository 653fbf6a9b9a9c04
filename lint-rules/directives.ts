/**
 * # opskb:directives
 *
 * Lint directives switch rules off where a finding is wrong, and always say why:
 *
 * - MDX: `{/* lint disable-next-line opskb:no-secrets -- a documented test key *\/}`
 * - Markdown: `<!-- lint disable-next-line opskb:no-secrets -- a documented test key -->`
 * - ranges: `lint disable opskb:links -- …` up to `lint enable opskb:links` (or the end of the file).
 *   After `lint disable -- …` (every rule), `lint enable opskb:links` turns that one rule back on.
 *
 * Keywords: `disable-next-line` (the next line that is not blank), `disable`, `enable`. Rule ids
 * are written as findings show them (`opskb:links`, `remark-lint:no-literal-urls`); the bare name
 * (`links`) works too. A directive without rule ids applies to every rule. Several ids may follow
 * one keyword.
 *
 * This rule reports the directives themselves: an unknown keyword or rule id, a directive without
 * a reason (`-- <why>`), and a directive that suppresses nothing (a stale one: the problem it hid
 * is gone, so it can only hide a new one). Its own findings cannot be disabled.
 *
 * ## Why
 * A suppression without a reason is a finding nobody can re-evaluate; a stale one silently
 * exempts the next real problem on that line.
 *
 * ## Options
 * None.
 *
 * ## Examples
 * ok:
 * ```mdx
 * {/* lint disable-next-line opskb:links -- the status page is generated at deploy time *\/}
 * See [the status page](/status/).
 * ```
 * not ok:
 * ```mdx
 * {/* lint disable-next-line opskb:no-secret -- AWS's documented example key *\/}
 *
 * {/* lint disable-next-line opskb:links *\/}
 * See [the status page](/status/).
 * ```
 * → `` Unknown rule `opskb:no-secret` in lint directive. Did you mean `opskb:no-secrets`? ``,
 * `` Lint directive without a reason: … ``
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { ruleDocsPath } from '../src/lib/model/index.ts';
import { DIRECTIVE_KEYWORDS, findDirectives, nextContentLine, type Directive } from '../src/lib/lint/directive-comments.ts';
import { didYouMean } from '../src/lib/text/suggest.ts';

export type DirectivesOptions = { readonly knownRules: readonly string[] };

const RULE_ID = 'directives';

/** Lines `from`–`to` where `rules` (or every rule but those in `except`) are off. */
type Range = { rules: readonly string[] | 'all'; except: ReadonlySet<string>; from: number; to: number; directive: Directive; used: boolean };

export default function directives(this: Processor, options: DirectivesOptions) {
  const known = new Set(options.knownRules);
  const byShortName = new Map(options.knownRules.map((id) => [id.slice(id.indexOf(':') + 1), id]));
  const canonical = (rule: string) => (known.has(rule) ? rule : byShortName.get(rule));

  return (tree: Root, file: VFile) => {
    const found = findDirectives(tree);
    if (found.length === 0) return;
    const problems: { directive: Directive; reason: string }[] = [];
    const lines = String(file.value).split(/\r?\n/);
    const ranges: Range[] = [];
    const open = new Map<string, Range>();

    for (const directive of found) {
      if (!(DIRECTIVE_KEYWORDS as readonly string[]).includes(directive.keyword)) {
        problems.push({
          directive,
          reason: `Unknown lint directive \`${directive.keyword}\`: use ${DIRECTIVE_KEYWORDS.map((keyword) => `\`${keyword}\``).join(', ')}.`,
        });
        continue;
      }
      const rules: string[] = [];
      for (const rule of directive.rules) {
        const id = canonical(rule);
        if (id) rules.push(id);
        else problems.push({ directive, reason: `Unknown rule \`${rule}\` in lint directive.${didYouMean(rule, known)}` });
      }
      if (directive.rules.length > 0 && rules.length === 0) continue;
      if (directive.keyword !== 'enable' && directive.reason === undefined) {
        problems.push({
          directive,
          reason:
            'Lint directive without a reason: say why the finding is wrong here, after ` -- ` (`lint disable-next-line opskb:links -- the page is generated at deploy time`).',
        });
      }
      const scope = rules.length > 0 ? rules : ['*'];
      if (directive.keyword === 'disable-next-line') {
        const line = nextContentLine(lines, directive.endLine);
        ranges.push({ rules: rules.length > 0 ? rules : 'all', except: new Set(), from: line, to: line, directive, used: false });
      } else if (directive.keyword === 'disable') {
        for (const rule of scope) {
          if (open.has(rule)) continue;
          const range: Range = {
            rules: rule === '*' ? 'all' : [rule],
            except: new Set(),
            from: directive.endLine + 1,
            to: Number.POSITIVE_INFINITY,
            directive,
            used: false,
          };
          open.set(rule, range);
          ranges.push(range);
        }
      } else {
        for (const rule of scope) {
          const targets = rule === '*' ? [...open.keys()] : [rule];
          for (const target of targets) {
            const range = open.get(target);
            if (!range) continue;
            range.to = directive.line - 1;
            open.delete(target);
          }
          // `enable <rule>` inside `disable` (every rule): the others stay off after it.
          const all = open.get('*');
          if (rule !== '*' && all && !all.except.has(rule)) {
            all.to = directive.line - 1;
            const rest: Range = { ...all, except: new Set([...all.except, rule]), from: directive.endLine + 1, to: Number.POSITIVE_INFINITY, used: false };
            open.set('*', rest);
            ranges.push(rest);
          }
        }
      }
    }

    const id = (message: VFileMessage) => (message.source && message.ruleId ? `${message.source}:${message.ruleId}` : undefined);
    file.messages = file.messages.filter((message) => {
      const ruleId = id(message);
      if (!ruleId || message.line === undefined) return true;
      const range = ranges.find(
        (candidate) =>
          message.line! >= candidate.from &&
          message.line! <= candidate.to &&
          (candidate.rules === 'all' ? !candidate.except.has(ruleId) : candidate.rules.includes(ruleId)),
      );
      if (!range) return true;
      range.used = true;
      return false;
    });

    const unused = new Set<Directive>();
    for (const range of ranges) if (!range.used && !ranges.some((other) => other.directive === range.directive && other.used)) unused.add(range.directive);
    for (const directive of unused) {
      problems.push({ directive, reason: 'Lint directive suppresses nothing: the finding it was written for is gone. Remove the directive.' });
    }
    for (const { directive, reason } of problems) {
      const message = file.message(reason, { place: { line: directive.line, column: directive.column }, ruleId: RULE_ID, source: 'opskb' });
      message.fatal = true;
      message.url = ruleDocsPath(RULE_ID);
    }
  };
}
