// Where a link in a doc points, in knowledge-base terms: a doc (and anchor), a site page, a file,
// an external URL. Shared by the `links` rule and the site, which rewrites `.md`/`.mdx` links.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { docIdOfPath, DOC_TYPE_SPECS, DOC_TYPES } from '../model/index.ts';

export type LinkTarget =
  | { readonly kind: 'doc'; readonly id: string; readonly anchor: string | undefined }
  | { readonly kind: 'self'; readonly anchor: string }
  | { readonly kind: 'page'; readonly path: string }
  | { readonly kind: 'file'; readonly path: string; readonly exists: boolean }
  | { readonly kind: 'outside'; readonly path: string }
  | { readonly kind: 'external'; readonly url: URL }
  | { readonly kind: 'script'; readonly scheme: string }
  /** A `%` not followed by two hex digits: no browser can follow it. */
  | { readonly kind: 'malformed' }
  | { readonly kind: 'other' };

/** Site pages that are not docs. */
const SITE_PAGES = new Set(['/', '/search/', '/glossary/', ...DOC_TYPES.map((type) => `/${DOC_TYPE_SPECS[type].folder}/`)]);
const SITE_PREFIXES = ['/rules/', '/alerts/', '/pagefind/'];
const DOC_FILE = /\.mdx?$/i;

class MalformedLink extends Error {}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new MalformedLink();
  }
}

function splitHash(url: string): [string, string | undefined] {
  const index = url.indexOf('#');
  return index === -1 ? [url, undefined] : [url.slice(0, index), decode(url.slice(index + 1))];
}

/**
 * `fromPath` is the linking file (absolute); `fromId` its doc id when it is in the content root.
 * Links ending in `.md`/`.mdx` are file-relative (as on GitHub); other relative links are
 * URL-relative to the page `/<fromId>/` (as in the browser).
 */
export function resolveLink(url: string, from: LinkSource): LinkTarget {
  try {
    return resolveWellFormed(url, from);
  } catch (error) {
    if (error instanceof MalformedLink) return { kind: 'malformed' };
    throw error;
  }
}

/**
 * The linking file (absolute), its doc id when it is in the content root, and whether the link is
 * an image: Astro resolves a relative image next to the file, as GitHub does.
 */
export type LinkSource = { readonly path: string; readonly id: string | undefined; readonly contentDir: string; readonly image?: boolean | undefined };

function resolveWellFormed(url: string, from: LinkSource): LinkTarget {
  const scheme = /^\s*(javascript|vbscript|data):/i.exec(url)?.[1];
  if (scheme) return { kind: 'script', scheme: scheme.toLowerCase() };
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    try {
      const parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? { kind: 'external', url: parsed } : { kind: 'other' };
    } catch {
      return { kind: 'other' };
    }
  }
  const [pathPart, anchor] = splitHash(url.split('?')[0] ?? '');
  if (pathPart === '') return anchor ? { kind: 'self', anchor } : { kind: 'other' };

  if (DOC_FILE.test(pathPart) || (!pathPart.startsWith('/') && (from.id === undefined || from.image))) {
    const file = resolve(dirname(from.path), decode(pathPart));
    const inside = relative(from.contentDir, file);
    if (inside.startsWith('..') || isAbsolute(inside)) return { kind: 'outside', path: file };
    if (DOC_FILE.test(file)) return { kind: 'doc', id: docIdOfPath(inside), anchor };
    return { kind: 'file', path: file, exists: existsSync(file) };
  }

  const base = new URL(`https://kb.invalid/${from.id ?? ''}${from.id ? '/' : ''}`);
  const { pathname } = new URL(pathPart, base);
  const decoded = decode(pathname);
  const withSlash = decoded.endsWith('/') ? decoded : `${decoded}/`;
  if (SITE_PAGES.has(withSlash) || SITE_PREFIXES.some((prefix) => withSlash.startsWith(prefix))) return { kind: 'page', path: withSlash };
  if (/\.[a-z0-9]+$/i.test(decoded)) {
    const file = resolve(from.contentDir, `.${decoded}`);
    return { kind: 'file', path: file, exists: existsSync(file) };
  }
  return { kind: 'doc', id: withSlash.slice(1, -1), anchor };
}

/** `*.corp.example` matches `grafana.corp.example` and `a.b.corp.example`; `corp.example` only itself. */
export function hostMatches(host: string, pattern: string): boolean {
  const wanted = pattern.toLowerCase();
  const actual = host.toLowerCase();
  return wanted.startsWith('*.') ? actual.endsWith(wanted.slice(1)) : actual === wanted;
}
