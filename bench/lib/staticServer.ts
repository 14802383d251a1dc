// Serves bench/pages on 127.0.0.1 (a free port): pages the benchmarks need that the demo sites lack.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const PAGES_DIR = join(import.meta.dirname, '..', 'pages');

export interface PagesServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(): Promise<PagesServer> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1);
    if (!/^[a-z0-9-]+\.html$/.test(name)) {
      response.writeHead(404).end('not found');
      return;
    }
    readFile(join(PAGES_DIR, name)).then(
      (html) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html),
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
