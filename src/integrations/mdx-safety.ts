// The build's own MDX gate: a doc whose MDX holds code (imports other than the allowed components,
// exports, `{…}` expressions, expression attributes, components outside the allowlist) fails the
// compile of that doc, under `astro build`, `npm start` and `astro dev` alike, before the MDX
// compiler has turned it into a module, so none of its code is ever evaluated. The check is
// opskb:mdx-safety's (src/lib/markdown/mdx-safety.ts), with the rule's options from opskb.yaml; a
// rule turned off in opskb.yaml still guards the build, since the build runs the code.
import type { AstroIntegration } from 'astro';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { loadConfig, ruleOptions } from '../lib/kb/config.ts';
import { resolveContentDir } from '../lib/kb/content-dir.ts';
import { mdxSafetyOptions, refusedMdxConstructs, type RefusedConstruct } from '../lib/markdown/mdx-safety.ts';

export const MDX_SAFETY_RULE = 'opskb:mdx-safety';

/** The error a refused doc fails its compile with: every refused construct at its line and column. */
export class UnsafeDocError extends Error {
  readonly loc: { readonly file: string; readonly line: number; readonly column: number };
  readonly id: string;

  constructor(file: string, refused: readonly RefusedConstruct[], cwd = process.cwd()) {
    const fromCwd = relative(cwd, file);
    const shown = fromCwd && !fromCwd.startsWith('..') ? fromCwd : file;
    const first = refused[0] ?? { line: 1, column: 1 };
    super(
      [
        `${shown} holds MDX that would run as code in the build, so it is not built (${MDX_SAFETY_RULE}):`,
        ...refused.map(({ line, column, message }) => `  ${shown}:${line}:${column}  ${message}`),
        'Docs are text: remove the code (`npm run lint` lists every finding in every doc), then build again.',
      ].join('\n'),
    );
    this.name = 'UnsafeDocError';
    // A doc's mistake, not opskb's: no stack trace under the message (Astro prints the stack it finds).
    this.stack = '';
    this.id = file;
    this.loc = { file, line: first.line, column: first.column };
  }
}

/** The Vite plugin: runs before @astrojs/mdx's compile (both `pre`; this integration is listed first). */
export function mdxSafetyPlugin(contentDir: string = resolveContentDir()): Plugin {
  return {
    name: 'opskb:mdx-safety',
    enforce: 'pre',
    transform: {
      filter: { id: /\.mdx(?:\?.*)?$/ },
      handler(code, id) {
        const file = id.replace(/\?.*$/, '');
        // opskb.yaml is read for every doc, so that an edit under `astro dev` applies at once.
        const options = ruleOptions('mdx-safety', mdxSafetyOptions, loadConfig(contentDir).config);
        const refused = refusedMdxConstructs(code, options);
        if (refused.length > 0) throw new UnsafeDocError(file, refused);
        return undefined;
      },
    },
  };
}

export default function mdxSafety(): AstroIntegration {
  return {
    name: 'opskb:mdx-safety',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [mdxSafetyPlugin()] } });
      },
    },
  };
}
