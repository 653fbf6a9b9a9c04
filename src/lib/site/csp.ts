// The site's Content-Security-Policy, as a meta tag in every page: scripts only from the site
// itself, plus inline scripts by hash; connections, images and workers only to the site itself.
// Styles may be inline (syntax highlighting sets colours on elements); scripts may not.
import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
const EXECUTABLE = /^\s*$|type=["']?(?:module|text\/javascript|application\/javascript)["']?/i;

/** sha256 sources of the inline scripts a browser would run (JSON data blocks are not run). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? '';
    const typeAttribute = /\btype=["']?[^"'\s>]+/i.exec(attributes)?.[0] ?? '';
    if (!EXECUTABLE.test(typeAttribute)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(match[2] ?? '', 'utf8').digest('base64')}'`);
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
