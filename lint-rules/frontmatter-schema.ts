/**
 * # opskb:frontmatter-schema
 *
 * Every doc starts with a YAML frontmatter block that matches the schema of its type (runbook,
 * dr-plan, knowledge, onboarding), and its type is known from its folder (`runbooks/`,
 * `dr-plans/`, `knowledge/`, `onboarding/`) or from `opskb lint --type`.
 *
 * ## Why
 * The frontmatter is what the site, search and reports read: who owns a doc, which services and
 * alerts it covers, when it was last reviewed. A typo (`last_reviwed`) would silently drop a doc
 * out of every freshness check, so unknown keys are errors too.
 *
 * ## What it reports
 * - no frontmatter block; YAML syntax errors; frontmatter that is not a mapping;
 * - each missing required key (at the frontmatter block), each invalid value (at its key),
 *   naming the accepted values or format; each unknown key;
 * - `last_reviewed` and gameday dates after "today" (a review that has not happened yet);
 * - a file outside the type folders when no `--type` is given.
 *
 * ## Options
 * Given by the preset: `today` (`YYYY-MM-DD`, default the current date), `type`.
 *
 * ## Examples
 * ok (`runbooks/payments-api/card-auth-errors.mdx`):
 * ```yaml
 * title: Card authorization errors
 * summary: What to do when card authorizations fail above 2% for five minutes.
 * owner: payments-core
 * services: [card-authorizer]
 * last_reviewed: 2026-11-02
 * ```
 * not ok:
 * ```yaml
 * title: Card authorization errors
 * owner: payments-core
 * last_reviewed: 02/11/2026
 * ```
 * → `` `summary` is missing … ``, `` `services` is missing … ``,
 * `` `last_reviewed` … expected a date written as YYYY-MM-DD, … ``
 */
import type { z } from 'zod';
import { getDocContext } from '../src/lib/lint/doc-context.ts';
import { defineRule } from '../src/lib/lint/define-rule.ts';
import { describeIssue, isMissing } from '../src/lib/model/zod-issues.ts';
import { DOC_TYPE_SPECS, DOC_TYPES, isoDateOf, type DocType } from '../src/lib/model/index.ts';

type SchemaKeys = { readonly accepted: readonly string[]; readonly required: readonly string[] };
const keysOfType = new Map<DocType, SchemaKeys>();

/** The keys a type accepts, and those it requires (what an empty frontmatter is missing). */
export function schemaKeys(type: DocType): SchemaKeys {
  let keys = keysOfType.get(type);
  if (!keys) {
    const schema = DOC_TYPE_SPECS[type].schema as z.ZodObject;
    const result = schema.safeParse({});
    const required = result.success ? [] : [...new Set(result.error.issues.filter((issue) => issue.path.length === 1).map((issue) => String(issue.path[0])))];
    keys = { accepted: Object.keys(schema.shape), required };
    keysOfType.set(type, keys);
  }
  return keys;
}

const typeFolders = DOC_TYPES.map((type) => `${DOC_TYPE_SPECS[type].folder}/`).join(', ');

export default defineRule('frontmatter-schema', (tree, file, settings) => {
  const context = getDocContext(tree, file, settings);
  if (!context.type) {
    file.message(
      `Cannot tell the doc type: the file is not in a type folder of the content root (${typeFolders}). Move it into one, or lint it with \`--type ${DOC_TYPES.join('|')}\`.`,
      { place: { line: 1, column: 1 } },
    );
    return;
  }
  const type = context.type;
  const { accepted, required } = schemaKeys(type);
  const frontmatter = context.frontmatter;
  if (!frontmatter) {
    file.message(`Missing frontmatter: start the file with a \`---\` YAML block holding ${required.map((key) => `\`${key}\``).join(', ')} (${type}).`, {
      place: { line: 1, column: 1 },
    });
    return;
  }
  const blockStart = frontmatter.node.position?.start;
  for (const problem of frontmatter.yaml.problems) {
    file.message(`Frontmatter YAML syntax error: ${problem.message}.`, {
      place: { line: (blockStart?.line ?? 1) + problem.line, column: problem.column },
    });
  }
  if (frontmatter.yaml.problems.length > 0) return;
  if (!frontmatter.data) {
    file.message(`Frontmatter must be a YAML mapping of keys (\`title: …\`), one per line.`, { place: blockStart });
    return;
  }

  const result = DOC_TYPE_SPECS[type].schema.safeParse(frontmatter.data);
  for (const issue of result.success ? [] : result.error.issues) {
    const where = `in the ${type} frontmatter`;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        file.message(describeIssue({ ...issue, keys: [key] }, where, frontmatter.data, accepted), {
          place: frontmatter.positionOf([...issue.path, key]),
        });
      }
      continue;
    }
    // A missing top-level key is placed at the frontmatter block; a missing nested one at its parent.
    const missing = isMissing(issue, frontmatter.data);
    const place = !missing ? frontmatter.positionOf(issue.path) : issue.path.length === 1 ? blockStart : frontmatter.positionOf(issue.path.slice(0, -1));
    file.message(describeIssue(issue, where, frontmatter.data), { place });
  }

  // Reviews and gamedays cannot have happened after today.
  const data = frontmatter.data;
  const futureDate = (value: unknown, path: (string | number)[], what: string) => {
    const text = isoDateOf(value);
    if (text !== undefined && text > settings.today) {
      file.message(`${what} ${text} is in the future (today is ${settings.today}): use the date the review or test actually happened.`, {
        place: frontmatter.positionOf(path),
      });
    }
  };
  futureDate(data['last_reviewed'], ['last_reviewed'], '`last_reviewed`');
  if (Array.isArray(data['gamedays'])) {
    data['gamedays'].forEach((gameday: unknown, index) => {
      if (gameday && typeof gameday === 'object') {
        futureDate((gameday as Record<string, unknown>)['date'], ['gamedays', index, 'date'], `Gameday date`);
      }
    });
  }
});
