// Serves a built site over HTTP on loopback, as `npm start` and the browser tests need (Pagefind
// does not work from file://). Unknown paths get the site's own 404 page.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export type RunningServer = { readonly url: string; readonly server: Server; close(): Promise<void> };

export async function startStaticServer(options: { root: string; port?: number; host?: string }): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const serve = sirv(options.root, { dev: false, etag: true, dotfiles: false });
  const notFoundPage = join(options.root, '404.html');
  const server = createServer((request, response) => {
    serve(request, response, () => {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    });
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/`,
    server,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Listens on `port`, or on the next free port when it is taken (up to 20 tries). */
async function listen(server: Server, port: number, host: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port === 0 ? 0 : port + attempt, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt >= 19) throw error;
    }
  }
}
