// The site's Content-Security-Policy, as a meta tag in every page: scripts only from the site
// itself, plus the inline scripts of <head> (the layout's own) by hash; connections, images and
// workers only to the site itself. An inline script in the body (raw HTML in a Markdown doc) is
// never allowed. Styles may be inline (syntax highlighting colours elements); scripts may not.
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
const EXECUTABLE = /^\s*$|type=["']?(?:module|text\/javascript|application\/javascript)["']?/i;

/** sha256 sources of the inline scripts in <head> a browser would run (data blocks are not run). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  const head = /<head[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  for (const match of head.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? '';
    const typeAttribute = /\btype=["']?[^"'\s>]+/i.exec(attributes)?.[0] ?? '';
    if (!EXECUTABLE.test(typeAttribute)) continue;
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(match[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [...hashes].sort();
}

export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((hash) => ` ${hash}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The page with its policy as the first element of `<head>` (an existing one is replaced). */
export function withContentSecurityPolicy(html: string): string {
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(inlineScriptHashes(cleaned))}">`;
  return cleaned.replace(/<head([^>]*)>/i, (head) => `${head}${meta}`);
}
