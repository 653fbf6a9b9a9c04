import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, withContentSecurityPolicy } from '../../../src/lib/site/csp.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Content-Security-Policy', () => {
  test('never allows an inline script in the body: raw HTML in a doc cannot run', () => {
    const html = '<html><head><script>theme()</script></head><body><p>x</p><script>steal()</script></body></html>';
    expect(inlineScriptHashes(html)).toEqual([sha('theme()')]);
  });

  test('hashes inline scripts the browser runs, not external ones or JSON data blocks', () => {
    const html =
      '<head><script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/json">{"c":1}</script></head>';
    expect(inlineScriptHashes(html)).toEqual([sha('a()'), sha('b()')].sort());
  });

  test('scripts from the site and hashed inline ones only; wasm for search; nothing remote', () => {
    const policy = contentSecurityPolicy(["'sha256-abc'"]);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  });

  test('is the first element of <head>, replacing an existing one', () => {
    const once = withContentSecurityPolicy('<html><head><title>x</title><script>go()</script></head></html>');
    expect(once).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/);
    expect(once).toContain(sha('go()'));
    expect(withContentSecurityPolicy(once).match(/Content-Security-Policy/g)).toHaveLength(1);
  });
});
