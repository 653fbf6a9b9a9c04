// `astro dev` on a knowledge base, as `npm run dev` starts it, on a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_DIR } from './fixtures.ts';

export type DevServer = {
  readonly url: string;
  /** GET `path`; until the first content sync is done the server answers 404, so those are retried for up to 30 s. */
  get(path: string): Promise<Response>;
  /** Everything the server printed so far. */
  log(): string;
  stop(): void;
};

export function startDevServer(env: Record<string, string>): Promise<DevServer> {
  const port = 4800 + Math.floor(Math.random() * 800);
  const child: ChildProcess = spawn(
    process.execPath,
    [join(PROJECT_DIR, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_DIR,
      // Without vitest's own variables: with VITEST set, Astro's dev server does not serve pages.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV')), ...env, FORCE_COLOR: '0' },
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const url = match[1] as string;
      resolve({
        url,
        async get(path) {
          let response = await fetch(new URL(path, url));
          for (let attempt = 0; response.status === 404 && attempt < 60; attempt += 1) {
            await new Promise((wait) => setTimeout(wait, 500));
            response = await fetch(new URL(path, url));
          }
          return response;
        },
        log: () => output,
        stop: () => child.kill('SIGTERM'),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
}
