// Rule documentation lives in the header comment of each rule's file. This reads it, for the
// site's rule reference and for SARIF rule metadata, so docs and code cannot drift.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type RuleDoc = {
  readonly id: string;
  /** The first paragraph after the title: what the rule checks. */
  readonly summary: string;
  /** The whole header as Markdown, title line excluded. */
  readonly markdown: string;
};

const RULES_DIR = fileURLToPath(new URL('../../../lint-rules/', import.meta.url));

/**
 * Every rule with a reference page: one file per rule in lint-rules/, named after its id (the
 * preset's rules, the directives and the registry check), index.ts being the preset itself.
 */
export function documentedRules(dir: string = RULES_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -'.ts'.length))
    .sort();
}

/** The header comment of a rule file as Markdown (`*\/` written inside it becomes `*​/`). */
export function parseRuleHeader(source: string): { title: string; markdown: string } | undefined {
  const match = /^\/\*\*\r?\n([\s\S]*?)\r?\n\s*\*\//.exec(source);
  if (!match) return undefined;
  const lines = (match[1] ?? '').split(/\r?\n/).map((line) => line.replace(/^\s*\* ?/, '').replaceAll('*\\/', '*/'));
  const titleIndex = lines.findIndex((line) => line.startsWith('# '));
  if (titleIndex === -1) return undefined;
  return {
    title: (lines[titleIndex] ?? '').slice(2).trim(),
    markdown: lines
      .slice(titleIndex + 1)
      .join('\n')
      .trim(),
  };
}

export function readRuleDoc(id: string, dir: string = RULES_DIR): RuleDoc {
  const header = parseRuleHeader(readFileSync(`${dir}${id}.ts`, 'utf8'));
  if (!header || header.title !== `opskb:${id}`) throw new Error(`lint-rules/${id}.ts has no header documentation starting with \`# opskb:${id}\``);
  const summary = (header.markdown.split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  return { id, summary, markdown: header.markdown };
}
