/**
 * # opskb:links
 *
 * Internal links resolve, and links into the organisation's own systems come from approved tools.
 *
 * - Site links (`/runbooks/payments-api/http-5xx/`), page-relative links (`../deadlocks/`) and
 *   file-relative links (`../postgres-fleet/deadlocks.mdx`, as on GitHub; the site rewrites them)
 *   must reach a doc of the knowledge base, and an `#anchor` must be a heading of the target
 *   (slugged as the site slugs it). `#anchor` alone points into the doc itself.
 * - Links to other files (attachments) and images must reach a file that exists. A relative
 *   image (`![diagram](./failover.png)`) is next to the doc's file, as on GitHub and in Astro. A `%` in a link must start an escape (`%20`; `%25` for a percent sign).
 * - `javascript:`, `vbscript:` and `data:` URLs are refused: a doc must not run code in the
 *   reader's browser.
 * - A link to a host in `internalDomains` must start with a `url_prefixes` entry of tools.yaml:
 *   dashboards and consoles come only from the approved tools, so they survive a migration and
 *   on-call engineers can trust them. A URL written out in the text counts as a link (GFM links
 *   it on the site), except one whose host has no dot, such as `http://localhost:3000/`.
 *
 * - A doc's own address must not differ from another doc's only in case (`knowledge/Shift-Notes.md`
 *   beside `knowledge/shift-notes.md`): on macOS and Windows, and in an offline copy unpacked
 *   there, one file overwrites the other, and a link that works on the site breaks there.
 *
 * External links are not fetched: lint results never depend on the network.
 *
 * ## Why
 * A runbook is a chain of links followed under stress: to the next runbook, the DR plan, the
 * dashboard. A broken link at 3 a.m. costs minutes the incident does not have, and a dashboard
 * URL pasted from someone's bookmark points at a Grafana nobody maintains.
 *
 * ## Options
 * - `internalDomains` (list of host patterns, default `[]`): the organisation's hosts, such as
 *   `*.corp.example`. Set it in opskb.yaml: `rules: { links: { internalDomains: ['*.corp.example'] } }`.
 *
 * ## Examples
 * ok:
 * ```markdown
 * See [deadlocks](/runbooks/postgres-fleet/deadlocks/#diagnosis).
 * ```
 * not ok:
 * ```markdown
 * See [deadlocks](/runbooks/postgres/deadlock/) and [the board](https://grafana.corp.example/old/x).
 * ```
 * → `` Broken link `/runbooks/postgres/deadlock/`: no doc `runbooks/postgres/deadlock` in the knowledge base. ``
 */
import GithubSlugger from 'github-slugger';
import type { Definition, Image, Link } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { relative } from 'node:path';
import { visit } from 'unist-util-visit';
import { VFileMessage } from 'vfile-message';
import { z } from 'zod';
import { hostMatches, resolveLink } from '../src/lib/kb/link-target.ts';
import { defineRule } from '../src/lib/lint/define-rule.ts';
import type { LintSettings } from '../src/lib/lint/settings.ts';
import { getDocContext } from '../src/lib/lint/doc-context.ts';
import { didYouMean } from '../src/lib/text/suggest.ts';

const options = z.strictObject({
  internalDomains: z.array(z.string({ error: 'expected a host pattern such as `*.corp.example`' })).default([]),
});

function anchorList(slugs: readonly string[]): string {
  if (slugs.length === 0) return 'it has no headings';
  const shown = slugs
    .slice(0, 8)
    .map((slug) => `\`#${slug}\``)
    .join(', ');
  return `its anchors: ${shown}${slugs.length > 8 ? ', …' : ''}`;
}

const twinsByKb = new WeakMap<object, ReadonlyMap<string, { id: string; path: string }>>();

/** For each doc whose id differs from another's only in case, that other doc. */
function caseTwins(kb: LintSettings['kb']): ReadonlyMap<string, { id: string; path: string }> {
  let twins = twinsByKb.get(kb);
  if (!twins) {
    const byFolded = new Map<string, { id: string; path: string }[]>();
    for (const doc of kb.docs.values()) byFolded.set(doc.id.toLowerCase(), [...(byFolded.get(doc.id.toLowerCase()) ?? []), { id: doc.id, path: doc.path }]);
    const found = new Map<string, { id: string; path: string }>();
    for (const group of byFolded.values()) {
      if (group.length < 2) continue;
      for (const doc of group) found.set(doc.id, group.find((other) => other.id !== doc.id) ?? doc);
    }
    twins = found;
    twinsByKb.set(kb, twins);
  }
  return twins;
}

export default defineRule(
  'links',
  (tree, file, settings, { internalDomains }) => {
    const { id } = getDocContext(tree, file, settings);
    if (!file.path) return;
    const { docs, registries, contentDir } = settings.kb;
    const twin = id === undefined ? undefined : caseTwins(settings.kb).get(id);
    if (twin) {
      const cause = new VFileMessage(`\`${twin.id}\` is the other doc`, { place: { line: 1, column: 1 } });
      cause.file = twin.path;
      file.message(
        `Doc \`${id}\` differs from \`${twin.id}\` only in case: on macOS and Windows (and in an offline copy unpacked there) one file overwrites the other. Rename one of them.`,
        { place: { line: 1, column: 1 }, cause },
      );
    }
    const slugger = new GithubSlugger();
    const ownSlugs: string[] = [];
    visit(tree, 'heading', (heading) => {
      ownSlugs.push(slugger.slug(toString(heading)));
    });
    const prefixes = [...registries.tools.values()].flatMap((tool) => tool.url_prefixes.map((prefix) => ({ tool: tool.id, prefix })));

    visit(
      tree,
      (node) => node.type === 'link' || node.type === 'definition' || node.type === 'image',
      (node) => {
        const { url, position } = node as Link | Definition | Image;
        const what = node.type === 'image' ? 'image' : 'link';
        const target = resolveLink(url, { path: file.path, id, contentDir, image: node.type === 'image' });
        switch (target.kind) {
          case 'self':
            if (!ownSlugs.includes(target.anchor)) {
              file.message(
                `Broken anchor \`#${target.anchor}\`: this doc has no heading with that anchor; ${anchorList(ownSlugs)}.${didYouMean(target.anchor, ownSlugs)}`,
                { place: position },
              );
            }
            return;
          case 'doc': {
            const doc = docs.get(target.id);
            if (!doc) {
              file.message(`Broken link \`${url}\`: no doc \`${target.id}\` in the knowledge base.${didYouMean(target.id, docs.keys())}`, { place: position });
            } else if (target.anchor && !doc.headings.some((heading) => heading.slug === target.anchor)) {
              const slugs = doc.headings.map((heading) => heading.slug);
              file.message(
                `Broken anchor \`#${target.anchor}\` in link \`${url}\`: \`${doc.id}\` has no heading with that anchor; ${anchorList(slugs)}.${didYouMean(target.anchor, slugs)}`,
                { place: position },
              );
            }
            return;
          }
          case 'file':
            if (!target.exists)
              file.message(`Broken ${what} \`${url}\`: no file ${relative(contentDir, target.path)} in the content root.`, { place: position });
            return;
          case 'malformed':
            file.message(`Malformed ${what} \`${url}\`: a \`%\` must start an escape such as \`%20\`; write a literal percent sign as \`%25\`.`, {
              place: position,
            });
            return;
          case 'script':
            file.message(
              `Link with a \`${target.scheme}:\` URL: it runs code (or smuggles content) in the reader's browser. Link to a page or a file instead.`,
              { place: position },
            );
            return;
          case 'outside':
            file.message(`Link \`${url}\` points outside the knowledge base (${target.path}): link to a doc, or use the file's URL in the repository.`, {
              place: position,
            });
            return;
          case 'external': {
            const host = target.url.hostname;
            if (!internalDomains.some((pattern) => hostMatches(host, pattern))) return;
            if (prefixes.some(({ prefix }) => url.startsWith(prefix))) return;
            const sameHost = prefixes.filter(({ prefix }) => URL.canParse(prefix) && new URL(prefix).hostname === host);
            const hint =
              sameHost.length > 0
                ? ` Approved for this host: ${sameHost.map(({ tool, prefix }) => `\`${prefix}\` (${tool})`).join(', ')}.`
                : ' Add the tool to tools.yaml, or link to one that is there.';
            file.message(`Link to internal host \`${host}\` does not start with a URL prefix of an approved tool in tools.yaml.${hint}`, { place: position });
            return;
          }
          default:
            return;
        }
      },
    );
  },
  options,
);
