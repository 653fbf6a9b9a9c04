/**
 * # opskb:required-sections
 *
 * Runbooks and DR plans have required H2 sections, in a fixed order, each with real content.
 * Knowledge articles and onboarding paths have no fixed sections but must not be empty.
 *
 * | type | sections, in order (accepted aliases) |
 * |---|---|
 * | runbook | Overview (Meaning, Summary) · Impact · Diagnosis (Investigation, Troubleshooting) · Mitigation (Remediation, Resolution) · Verification (Validation) · Escalation (Contacts) |
 * | dr-plan | Scope · Dependencies · Backups · Recovery procedure · Verification · Communication |
 *
 * ## Why
 * At 3 a.m. an on-call engineer scans for "what is broken, what do I do, how do I know it worked,
 * whom do I call". A runbook without Verification or Escalation leaves them guessing at exactly
 * the moment it matters; a consistent order makes every runbook scannable the same way.
 *
 * ## What it reports
 * - every missing section (all of them, not just the first), naming the accepted aliases and
 *   where it belongs;
 * - sections out of order;
 * - empty sections, and sections holding only a placeholder (`TODO`, `TBD`, `FIXME`) or a bare
 *   `N/A`. A section that does not apply says why: `N/A — the service keeps no state.`
 * - an empty body for types without fixed sections.
 *
 * Headings match ignoring case and surrounding whitespace. Only H2 (`##`) headings are sections;
 * H3 and deeper headings belong to the section above them.
 *
 * ## Options
 * None.
 *
 * ## Examples
 * ok:
 * ```markdown
 * ## Overview
 * Card authorizations are failing for more than 2% of attempts.
 * ## Impact
 * Customers cannot pay by card.
 * ## Diagnosis
 * Check the acquirer error codes on the card-authorizer dashboard.
 * ## Mitigation
 * Fail over to the secondary acquirer.
 * ## Verification
 * The error rate is back under 0.5%.
 * ## Escalation
 * N/A — the payments-core on-call owns this end to end.
 * ```
 * not ok:
 * ```markdown
 * ## Meaning
 * Card authorizations are failing.
 * ## Diagnosis
 * TODO
 * ```
 * → `` Missing required section `## Impact` (runbook), expected after `## Meaning`. ``,
 * `` Missing required section `## Mitigation` (runbook; also accepted: `## Remediation`, `## Resolution`), expected after `## Diagnosis`. ``,
 * …, `` Section `## Diagnosis` holds only a placeholder (`TODO`): … ``
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { getDocContext } from '../src/lib/lint/doc-context.ts';
import { defineRule } from '../src/lib/lint/define-rule.ts';
import { DOC_TYPE_SPECS, matchSection, type SectionSpec } from '../src/lib/model/index.ts';

type FoundSection = { spec: SectionSpec; index: number; heading: Heading; body: RootContent[] };

const PLACEHOLDER = /^\s*(todo|tbd|fixme)\b/i;
const BARE_NOT_APPLICABLE = /^\s*n\/?a\s*[.!]?\s*$/i;

function accepted(spec: SectionSpec): string {
  return spec.aliases.length === 0 ? '' : `; also accepted: ${spec.aliases.map((alias) => `\`## ${alias}\``).join(', ')}`;
}

/** True for nodes that carry no content: comments and whitespace-only HTML. */
function isInvisible(node: RootContent): boolean {
  if (node.type === 'yaml') return true;
  if (node.type === 'html') return /^\s*(<!--[\s\S]*?-->\s*)*$/.test(node.value);
  if (node.type === 'mdxFlowExpression') return /^\s*(\/\*[\s\S]*?\*\/\s*)*$/.test(node.value);
  return false;
}

/** The content of a section: what stands between its heading and the next H1/H2, headings excluded. */
function contentOf(body: RootContent[]): RootContent[] {
  return body.filter((node) => node.type !== 'heading' && !isInvisible(node));
}

export default defineRule('required-sections', (tree: Root, file, settings) => {
  const { type } = getDocContext(tree, file, settings);
  if (!type) return;
  const spec = DOC_TYPE_SPECS[type];

  if (spec.sections.length === 0) {
    if (spec.requiresBody && contentOf(tree.children).length === 0) {
      file.message(`The body is empty: a ${type} doc needs text after its frontmatter.`, { place: tree.position?.end });
    }
    return;
  }

  const headings: { heading: Heading; position: number }[] = [];
  tree.children.forEach((node, position) => {
    if (node.type === 'heading' && node.depth <= 2) headings.push({ heading: node, position });
  });
  const found: FoundSection[] = [];
  headings.forEach(({ heading, position }, n) => {
    if (heading.depth !== 2) return;
    const sectionSpec = matchSection(spec.sections, toString(heading));
    if (!sectionSpec || found.some((section) => section.spec === sectionSpec)) return;
    const end = headings[n + 1]?.position ?? tree.children.length;
    found.push({ spec: sectionSpec, index: spec.sections.indexOf(sectionSpec), heading, body: tree.children.slice(position + 1, end) });
  });

  // Missing sections, each placed at the section it should follow.
  const firstContent = tree.children.find((node) => node.type !== 'yaml');
  spec.sections.forEach((sectionSpec, index) => {
    if (found.some((section) => section.spec === sectionSpec)) return;
    const previousSpec = spec.sections.slice(0, index).findLast((candidate) => found.some((section) => section.spec === candidate));
    const previous = found.find((section) => section.spec === previousSpec);
    const where = previous ? `, expected after \`## ${toString(previous.heading)}\`` : index === 0 ? ', expected first' : '';
    file.message(`Missing required section \`## ${sectionSpec.title}\` (${type}${accepted(sectionSpec)})${where}.`, {
      place: previous?.heading.position ?? firstContent?.position?.start ?? { line: 1, column: 1 },
    });
  });

  // Order: each found section must come after every section listed before it.
  const order = spec.sections.map((section) => `\`${section.title}\``).join(' → ');
  let latest: FoundSection | undefined;
  for (const section of found) {
    if (latest && section.index < latest.index) {
      file.message(
        `Section \`## ${toString(section.heading)}\` is out of order: ${type} sections go ${order}; move it before \`## ${toString(latest.heading)}\`.`,
        {
          place: section.heading.position,
        },
      );
    } else {
      latest = section;
    }
  }

  for (const section of found) {
    const content = contentOf(section.body);
    const title = `## ${toString(section.heading)}`;
    const text = content.map((node) => toString(node)).join(' ');
    const onlyParagraphs = content.every((node) => node.type === 'paragraph');
    if (content.length === 0) {
      file.message(`Section \`${title}\` is empty: write its content, or \`N/A — <reason>\` when it does not apply.`, { place: section.heading.position });
    } else if (onlyParagraphs && PLACEHOLDER.test(text)) {
      file.message(
        `Section \`${title}\` holds only a placeholder (\`${text.trim().split(/\s/)[0]}\`): write its content, or \`N/A — <reason>\` when it does not apply.`,
        { place: section.heading.position },
      );
    } else if (onlyParagraphs && BARE_NOT_APPLICABLE.test(text)) {
      file.message(`Section \`${title}\` says only \`N/A\`: say why, e.g. \`N/A — the service keeps no state\`.`, { place: section.heading.position });
    }
  }
});
