// Serves the demo creator sites in test/sites/public on two origins: the creator's site
// (http://127.0.0.1:<port>) and a site that embeds the creator's player (http://localhost:<port>), so an
// embed is cross-origin and cross-site. Pages with a `<!-- vilokanam:tags -->` placeholder get their
// Vilokanam meta tags from the address (`?stream=1&network=0x…&creator=5…`, each may repeat); nothing
// is fetched from the network.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const TAGS_PLACEHOLDER = '<!-- vilokanam:tags -->';
const TAG_PARAMS = ['stream', 'network', 'creator'] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.webm': 'video/webm',
};

export interface SitesOptions {
  /** Port of the creator's site on 127.0.0.1; 0 (default) picks a free one. */
  creatorPort?: number;
  /** Port of the embedding site, reached as localhost; 0 (default) picks a free one. */
  embedPort?: number;
}

export interface RunningSites {
  /** `http://127.0.0.1:<port>`: the creator's pages and player. */
  creatorOrigin: string;
  /** `http://localhost:<port>`: the same pages on a second site, e.g. `embed.html`. */
  embedOrigin: string;
  close(): Promise<void>;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The meta tags the address asks for, in the order given. */
export function tagsFromQuery(query: URLSearchParams): string {
  return TAG_PARAMS.flatMap((name) =>
    query.getAll(name).map((value) => `<meta name="vilokanam:${name}" content="${escapeAttribute(value)}">`),
  ).join('\n  ');
}

function resolvePublicFile(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded).replace(/^[/\\]+/, '');
  const file = join(PUBLIC_DIR, relative);
  return file.startsWith(PUBLIC_DIR) && !relative.split(sep).includes('..') ? file : null;
}

function fail(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message);
}

async function serveHtml(response: ServerResponse, file: string, query: URLSearchParams, creatorOrigin: string) {
  const html = (await readFile(file, 'utf8'))
    .replace(TAGS_PLACEHOLDER, tagsFromQuery(query))
    .replaceAll('{{CREATOR_ORIGIN}}', creatorOrigin);
  response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-store' });
  response.end(html);
}

/** Media answers byte ranges: Chromium asks for them to loop and seek. */
function serveFile(request: IncomingMessage, response: ServerResponse, file: string, size: number) {
  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (!range || (range[1] === '' && range[2] === '')) {
    response.writeHead(200, { ...headers, 'content-length': size });
    createReadStream(file).pipe(response);
    return;
  }
  const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  const end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
  if (start > end || start >= size) {
    response.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
    response.end();
    return;
  }
  response.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
  createReadStream(file, { start, end }).pipe(response);
}

function handler(creatorOrigin: () => string) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(response, 405, 'only GET');
    const url = new URL(request.url ?? '/', 'http://sites.invalid');
    const file = resolvePublicFile(url.pathname);
    if (!file) return fail(response, 400, 'bad path');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return fail(response, 404, `no page ${url.pathname}`);
    if (extname(file) === '.html') return serveHtml(response, file, url.searchParams, creatorOrigin());
    serveFile(request, response, file, info.size);
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startSites(options: SitesOptions = {}): Promise<RunningSites> {
  let creatorOrigin = '';
  const serve = handler(() => creatorOrigin);
  const onError = (response: ServerResponse) => (error: unknown) => {
    if (!response.headersSent) fail(response, 500, String(error));
    else response.destroy();
  };
  const makeServer = () =>
    createServer((request, response) => {
      serve(request, response).catch(onError(response));
    });
  const creator = makeServer();
  const embed = makeServer();
  const creatorPort = await listen(creator, options.creatorPort ?? 0);
  const embedPort = await listen(embed, options.embedPort ?? 0).catch(async (error: unknown) => {
    await closeServer(creator);
    throw error;
  });
  creatorOrigin = `http://127.0.0.1:${creatorPort}`;
  return {
    creatorOrigin,
    embedOrigin: `http://localhost:${embedPort}`,
    async close() {
      await Promise.all([closeServer(creator), closeServer(embed)]);
    },
  };
}
