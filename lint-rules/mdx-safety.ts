/**
 * # opskb:mdx-safety
 *
 * An `.mdx` doc may use only the project's own MDX components and a few plain HTML tags, with
 * plain-string attributes. Everything else in MDX that executes is an error at its line and column:
 *
 * - JSX components that are not in the allowlist (`Warning`, `Danger`, `Note` by default), member
 *   names (`<Foo.Bar>`) and fragments (`<>`);
 * - HTML tags that are not in the allowlist (`details`, `summary`, `kbd`, `br`, `sub`, `sup`,
 *   `abbr` by default). Tags that run or load code, or restyle the page, are never allowed,
 *   whatever the options: `script`, `style`, `iframe`, `frame`, `frameset`, `object`, `embed`,
 *   `applet`, `portal`, `link`, `meta`, `base`, `form`, `template`, `noscript`, `svg`, `math`;
 * - attributes other than plain strings (`title="Irreversible"`) and bare booleans (`open`), on
 *   allowed elements too: expression values (`title={x}`), spreads (`{...props}`), event handlers
 *   (any `on…` name, even with a string value), Astro directives (any name with `:`, such as
 *   `set:html` or `client:load`) and `javascript:` URLs;
 * - `import`s, except of allowlisted components, by name, from an allowed source
 *   (`import { Warning } from '@opskb/mdx'`); default, namespace and side-effect imports are errors;
 * - every `export`;
 * - JavaScript expressions `{…}`, in blocks, in text and as attribute values, unless they hold
 *   only comments: `{/* … *\/}` is how MDX comments and lint directives are written.
 *
 * Content inside allowed components is checked too: a `<Chart>` inside `<Warning>` is reported.
 *
 * A `.md` file is Markdown, not MDX: it has no imports, exports, expressions or JSX, and its raw
 * HTML is not compiled to JavaScript. But raw HTML lands in the page as it is, so in `.md` files
 * the rule refuses the raw HTML that would run or load code in readers' browsers: `<script>`,
 * `<iframe>`, `<object>`, `<embed>`, `<frame>`, `<base>`, `<form>`, `<meta>`, `<link>`, `<style>`,
 * event handler attributes (`onerror=…`) and `javascript:` URLs. (The site's Content-Security-Policy
 * also refuses to run any script in a doc's body.) An `.mdx` file that does not parse is
 * reported by `opskb:mdx-syntax` instead.
 *
 * ## Why
 * MDX is code: the site build compiles every doc to JavaScript and runs it, in CI, next to the
 * environment variables that hold deploy keys, and ships part of it to readers' browsers. A doc
 * pull request is reviewed as prose, so `{process.env.AWS_SECRET_ACCESS_KEY}` in a table or an
 * `import { execSync } from 'node:child_process'` above the first heading slips through review
 * and runs on the next build. Keeping docs to a small, declarative vocabulary (callouts, a few
 * HTML tags, string attributes) makes a doc change as safe to merge as a wiki edit.
 *
 * ## Options
 * In `opskb.yaml`, under `rules.mdx-safety` (the values shown are the defaults):
 * ```yaml
 * rules:
 *   mdx-safety:
 *     components: [Warning, Danger, Note] # JSX components docs may use, PascalCase
 *     htmlElements: [details, summary, kbd, br, sub, sup, abbr] # plain HTML tags docs may use
 *     importSources: ['@opskb/mdx'] # the only modules docs may import those components from
 * ```
 * The site provides the `components` to every doc without an import; importing them from an
 * `importSources` module is allowed but never needed. `htmlElements` cannot include the tags that
 * are never allowed: the configuration is then reported as invalid.
 *
 * ## Examples
 * ok (`.mdx`):
 * ```mdx
 * import { Warning } from '@opskb/mdx'
 *
 * <Warning title="Irreversible">
 *   Deleting the topic drops every unconsumed event.
 * </Warning>
 *
 * <details>
 *   <summary>Why the lag grows after a deploy</summary>
 *
 *   Consumers rebalance; press <kbd>Ctrl</kbd>+<kbd>C</kbd> only once.
 * </details>
 * ```
 * not ok (`.mdx`):
 * ```mdx
 * import { execSync } from 'node:child_process'
 *
 * The key is {process.env.AWS_SECRET_ACCESS_KEY}.
 *
 * <Chart data={metrics} />
 * ```
 * → `` Import from `node:child_process` is not allowed: docs may import only `Warning`, `Danger`, `Note` from `@opskb/mdx`. ``,
 * `` JavaScript expression `{process.env.AWS_SECRET_ACCESS_KEY}` is not allowed: MDX expressions run at build time. … ``,
 * `` JSX component `<Chart>` is not allowed: … ``, `` Attribute `data={metrics}` on `<Chart>` is not allowed: … ``
 */
import { flavourOfPath } from '../src/lib/markdown/parse.ts';
import { checkMarkdownHtml, checkMdxSafety, mdxSafetyOptions } from '../src/lib/markdown/mdx-safety.ts';
import { defineRule } from '../src/lib/lint/define-rule.ts';

export default defineRule(
  'mdx-safety',
  (tree, file, _settings, options) => {
    const findings = flavourOfPath(file.path ?? '') === 'mdx' ? checkMdxSafety(tree, options) : checkMarkdownHtml(tree);
    for (const { place, message } of findings) file.message(message, { place });
  },
  mdxSafetyOptions,
);
