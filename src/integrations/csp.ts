// Adds the Content-Security-Policy meta tag to every built page (see src/lib/site/csp.ts).
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withContentSecurityPolicy } from '../lib/site/csp.ts';

export default function csp(): AstroIntegration {
  return {
    name: 'opskb:csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        let pages = 0;
        for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
          if (!name.endsWith('.html')) continue;
          const path = join(outDir, name);
          writeFileSync(path, withContentSecurityPolicy(readFileSync(path, 'utf8')));
          pages += 1;
        }
        logger.info(`Content-Security-Policy added to ${pages} pages`);
      },
    },
  };
}
