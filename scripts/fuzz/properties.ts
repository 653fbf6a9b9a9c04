// Properties of the code that takes user text, for fast-check: whatever an author writes, opskb
// never crashes and never prints a stack, every problem is a located finding, and no secret value
// reaches any output. `npm test` runs a bounded number of cases (test/fuzz/inputs.test.ts);
// `npm run fuzz` runs many more (scripts/fuzz.ts) and reports how many.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/lib/kb/knowledge-base.ts';
import { loadRegistries } from '../../src/lib/kb/load-registries.ts';
import { FORMATS } from '../../src/lib/lint/formats/index.ts';
import { createLinter } from '../../src/lib/lint/linter.ts';
import { refusedMdxConstructs } from '../../src/lib/markdown/mdx-safety.ts';
import { parseYaml } from '../../src/lib/markdown/yaml.ts';
import { durationToMinutes, parseDuration, type Finding } from '../../src/lib/model/index.ts';
import { synonymGroups } from '../../src/lib/site/search-index.ts';
import { sectionSynonymLists } from '../../src/lib/site/doc-html.ts';

/** A property and how to run it: `runs` cases, reproducible from `seed`. */
export type FuzzProperty = { readonly name: string; readonly check: (runs: number, seed?: number) => Promise<void> };

const RANDOM_KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A credential of a real format, made up from the case's randomness (never a literal in the repository). */
const secret = fc.oneof(
  fc.array(fc.constantFrom(...RANDOM_KEY), { minLength: 16, maxLength: 16 }).map((chars) => `AKIA${chars.join('')}`),
  fc.array(fc.constantFrom(...BASE62), { minLength: 36, maxLength: 36 }).map((chars) => ['ghp', chars.join('')].join('_')),
  fc.array(fc.constantFrom(...BASE62), { minLength: 20, maxLength: 20 }).map((chars) => ['glpat', chars.join('')].join('-')),
);

/** Pieces an author may write, hostile ones included: MDX syntax, HTML, links, code, odd characters. */
const markdownPiece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  fc.constantFrom(
    '## Overview\n',
    '## Impact\n',
    '## Diagnosis\n',
    '## Mitigation\n',
    '## Verification\n',
    '## Escalation\n',
    '# Title\n',
    '- item\n',
    '1. step\n',
    '> **Warning:** careful\n',
    '| a | b |\n|---|---|\n| 1 | 2 |\n',
    '```bash\nkubectl delete pod x\n```\n',
    '```\n$ ls\n```\n',
    '<Warning>Careful.</Warning>\n',
    '<Warning title="x">\n',
    '</Warning>\n',
    '<Chart data={x} />',
    '{process.env.HOME}',
    '{/* comment */}',
    '{',
    '}',
    '<',
    '<5 min',
    '<!-- comment -->',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    "import { Warning } from '@opskb/mdx'\n",
    "import fs from 'node:fs'\n",
    'export const a = 1\n',
    '[link](/runbooks/nope/)',
    '[a](#missing)',
    '[x](javascript:alert(1))',
    '![img](./missing.png)',
    'https://grafana.example.internal/d/x',
    '{/* lint disable-next-line opskb:links -- reason */}\n',
    '<!-- lint disable opskb:no-secrets -->\n',
    '\r',
    '\r\n',
    '\t',
    '\u2028',
    '\uFEFF',
    '[[[[[[[[[[',
    '\\',
    '`',
    '*',
    '_',
    '---\n',
  ),
  { weight: 1, arbitrary: secret.map((value) => `export PGPASSWORD=${value}\n`) },
  { weight: 1, arbitrary: secret.map((value) => `\`\`\`bash\ncurl -H "Authorization: Bearer ${value}" https://api.example.com\n\`\`\`\n`) },
);

const frontmatterLine = fc.oneof(
  fc.constantFrom(
    'title: Checkout errors',
    'summary: What to do when checkout fails.',
    'owner: storefront',
    'owner: nobody',
    'services: [checkout-api]',
    'services: checkout-api',
    'last_reviewed: 2026-11-01',
    'last_reviewed: 02/11/2026',
    'last_reviewed: 2099-01-01',
    'review_every: 90d',
    'review_every: 2h30m',
    'review_every: soon',
    'alerts: [CheckoutHighErrorRate]',
    'alerts: [Bad Name]',
    'severity: critical',
    'severity: catastrophic',
    'tags: [a, b]',
    'rto: 4h',
    'unknown_key: 1',
    'title: [unclosed',
    ': no key',
    '  indented: odd',
    '- a list',
    '"quoted',
  ),
  fc.string({ maxLength: 30 }),
  secret.map((value) => `api_key: ${value}`),
);

/** A doc: maybe a frontmatter block, then a body, maybe with a byte order mark or old Mac line endings. */
export const arbitraryDoc = fc
  .record({
    bom: fc.boolean(),
    frontmatter: fc.option(fc.array(frontmatterLine, { maxLength: 10 }), { nil: undefined }),
    body: fc.array(markdownPiece, { maxLength: 30 }),
    lineEndings: fc.constantFrom('\n', '\r\n', '\r'),
  })
  .map(({ bom, frontmatter, body, lineEndings }) => {
    const text = `${frontmatter ? `---\n${frontmatter.join('\n')}\n---\n\n` : ''}${body.join(' ')}`;
    return `${bom ? '\uFEFF' : ''}${lineEndings === '\n' ? text : text.replace(/\n/g, lineEndings)}`;
  });

/** Text that looks like YAML often enough to reach deep into the parser. */
const yamlish = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        frontmatterLine,
        fc.constantFrom('- id: x', '  name: X', '  tier: 9', '  owner: [', 'teams:', '&a [*a]', '!!binary x', '? complex', '%YAML 1.2', '...', '---'),
      ),
      { maxLength: 15 },
    )
    .map((lines) => lines.join('\n')),
);

const located = (position: { line: number; column: number }) =>
  Number.isInteger(position.line) && position.line >= 1 && Number.isInteger(position.column) && position.column >= 1;

function assertLocated(findings: readonly Finding[], where: string): void {
  for (const finding of findings) {
    if (!located(finding)) throw new Error(`${where}: a finding without a place: ${JSON.stringify(finding)}`);
    if (!/^(opskb|remark-lint):[a-z-]+$/.test(finding.ruleId)) throw new Error(`${where}: a finding of no rule: ${JSON.stringify(finding)}`);
    if (finding.message.trim() === '' || /\n\s+at /.test(finding.message)) throw new Error(`${where}: an empty message or a stack: ${JSON.stringify(finding)}`);
  }
}

function assertNoSecret(outputs: readonly string[], text: string, where: string): void {
  const planted = [...text.matchAll(/AKIA[A-Z2-7]{16}|ghp_[A-Za-z0-9]{36}|glpat-[A-Za-z0-9]{20}/g)].map((match) => match[0]);
  for (const value of planted) {
    for (const output of outputs) if (output.includes(value)) throw new Error(`${where}: the secret ${value.slice(0, 4)}… reached the output`);
  }
}

async function assertProperty(property: fc.IAsyncProperty<[unknown]> | fc.IAsyncProperty<unknown[]>, runs: number, seed: number | undefined): Promise<void> {
  await fc.assert(property, { numRuns: runs, ...(seed === undefined ? {} : { seed }), endOnFailure: true });
}

export function fuzzProperties(fixtureKb: string): FuzzProperty[] {
  const today = '2026-11-26';
  const linter = createLinter({ contentDir: fixtureKb, today, type: undefined, kb: loadKnowledgeBase(fixtureKb) });
  const formats = Object.values(FORMATS);
  return [
    {
      name: 'YAML (frontmatter, registries, opskb.yaml): parsed or refused at a place, never thrown',
      check: (runs, seed) =>
        assertProperty(
          fc.asyncProperty(yamlish, fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.nat(20)), { maxLength: 4 }), async (text, path) => {
            const parsed = parseYaml(text);
            for (const problem of parsed.problems)
              if (!located(problem) || problem.message.trim() === '') throw new Error(`unlocated YAML problem ${JSON.stringify(problem)}`);
            if (!located(parsed.positionOf(path))) throw new Error('positionOf gave no place');
          }),
          runs,
          seed,
        ),
    },
    {
      name: 'registries: every problem a finding at its file, line and column',
      check: async (runs, seed) => {
        const dir = mkdtempSync(join(tmpdir(), 'opskb-fuzz-registries-'));
        try {
          await assertProperty(
            fc.asyncProperty(yamlish, yamlish, async (teams, services) => {
              writeFileSync(join(dir, 'teams.yaml'), teams);
              writeFileSync(join(dir, 'services.yaml'), services);
              const { problems } = loadRegistries(dir);
              assertLocated(problems, 'registries');
              for (const problem of problems) if (!problem.path.startsWith(dir)) throw new Error(`a registry finding outside the registries: ${problem.path}`);
            }),
            runs,
            seed,
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
    {
      name: 'durations: read or refused, never thrown; what is read is a whole number of minutes',
      check: (runs, seed) =>
        assertProperty(
          fc.asyncProperty(
            fc.oneof(
              fc.string({ maxLength: 12 }),
              fc
                .array(fc.tuple(fc.nat(1000), fc.constantFrom('y', 'mo', 'w', 'd', 'h', 'm', 's', 'x')), { maxLength: 4 })
                .map((parts) => parts.map(([n, unit]) => `${n}${unit}`).join('')),
            ),
            async (text) => {
              const duration = parseDuration(text);
              if (duration && !(Number.isInteger(durationToMinutes(duration)) && durationToMinutes(duration) >= 0))
                throw new Error(`${text}: ${durationToMinutes(duration)} minutes`);
            },
          ),
          runs,
          seed,
        ),
    },
    {
      name: 'Markdown and MDX docs through every rule: no crash, every finding located, no secret in any output format',
      check: (runs, seed) =>
        assertProperty(
          fc.asyncProperty(
            arbitraryDoc,
            fc.constantFrom('runbooks/checkout/fuzz.mdx', 'runbooks/checkout/fuzz.md', 'knowledge/fuzz.md', 'dr-plans/fuzz.mdx', 'onboarding/fuzz.md'),
            async (text, relative) => {
              const path = join(fixtureKb, relative);
              const result = await linter.lintText(path, text);
              if (result.internalFailure)
                throw new Error(`internal failure: ${result.findings.find((finding) => finding.ruleId === 'opskb:internal')?.message}`);
              assertLocated(result.findings, relative);
              const report = { findings: result.findings, filesChecked: 1, baselined: 0, cwd: fixtureKb, version: '0.0.0', siteUrl: 'http://localhost:4321' };
              assertNoSecret(
                formats.map((format) => format(report, { color: false })),
                text,
                relative,
              );
            },
          ),
          runs,
          seed,
        ),
    },
    {
      name: "the build's MDX gate: every refused construct located, no secret in its messages",
      check: (runs, seed) =>
        assertProperty(
          fc.asyncProperty(arbitraryDoc, async (text) => {
            const refused = refusedMdxConstructs(text);
            for (const construct of refused) if (!located(construct)) throw new Error(`unlocated construct ${JSON.stringify(construct)}`);
            assertNoSecret(
              refused.map((construct) => construct.message),
              text,
              'mdx gate',
            );
          }),
          runs,
          seed,
        ),
    },
    {
      name: "the build's glossary synonyms: any glossary and any doc, no crash, only the glossary's words",
      check: (runs, seed) =>
        assertProperty(
          fc.asyncProperty(
            fc.array(
              fc.record({
                term: fc.string({ minLength: 1, maxLength: 20 }),
                aliases: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
                definition: fc.string(),
              }),
              { maxLength: 6 },
            ),
            arbitraryDoc,
            async (glossary, text) => {
              const groups = synonymGroups(glossary);
              const words = new Set(groups.flat());
              for (const { list } of sectionSynonymLists(text, groups)) {
                const [child] = list.children;
                const shown = child?.type === 'text' ? child.value.split(' · ') : [];
                for (const word of shown) if (!words.has(word)) throw new Error(`synonym \`${word}\` is not in the glossary`);
              }
            },
          ),
          runs,
          seed,
        ),
    },
  ];
}
