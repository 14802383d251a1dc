// The demo sites server the scenarios rely on (no browser, no chain).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSites, type RunningSites } from '../sites/server.js';

let sites: RunningSites;

beforeAll(async () => {
  sites = await startSites();
});

afterAll(async () => {
  await sites?.close();
});

describe('demo sites server', () => {
  it('serves two origins, the second one as localhost', () => {
    expect(sites.creatorOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sites.embedOrigin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(new URL(sites.creatorOrigin).port).not.toBe(new URL(sites.embedOrigin).port);
  });

  it('writes the tags the address asks for, escaped, in order', async () => {
    const response = await fetch(`${sites.creatorOrigin}/watch.html?stream=7&stream=%22%3E%3Cscript%3E&network=0xab&creator=5Grw`);
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<meta name="vilokanam:stream" content="7">');
    expect(html).toContain('<meta name="vilokanam:stream" content="&quot;&gt;&lt;script&gt;">');
    expect(html).toContain('<meta name="vilokanam:network" content="0xab">');
    expect(html).toContain('<meta name="vilokanam:creator" content="5Grw">');
    expect(html).not.toContain('<script>"');
  });

  it('leaves a page without query tags untagged', async () => {
    const html = await (await fetch(`${sites.creatorOrigin}/watch.html`)).text();
    expect(html).not.toContain('vilokanam:stream');
  });

  it("points the embed at the creator's origin", async () => {
    const html = await (await fetch(`${sites.embedOrigin}/embed.html?player-stream=3`)).text();
    expect(html).toContain(`new URL('/player.html', '${sites.creatorOrigin}')`);
  });

  it('answers byte ranges of the demo video', async () => {
    const whole = await fetch(`${sites.creatorOrigin}/media/demo.webm`);
    const size = Number(whole.headers.get('content-length'));
    expect(whole.headers.get('content-type')).toBe('video/webm');
    expect(size).toBeGreaterThan(10_000);
    expect(size).toBeLessThan(200_000);
    const bytes = new Uint8Array(await whole.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML (WebM) magic

    const part = await fetch(`${sites.creatorOrigin}/media/demo.webm`, { headers: { range: 'bytes=4-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-9/${size}`);
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([...bytes.subarray(4, 10)]);

    const tail = await fetch(`${sites.creatorOrigin}/media/demo.webm`, { headers: { range: 'bytes=-3' } });
    expect([...new Uint8Array(await tail.arrayBuffer())]).toEqual([...bytes.subarray(size - 3)]);

    const beyond = await fetch(`${sites.creatorOrigin}/media/demo.webm`, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
  });

  it('serves nothing outside its public folder', async () => {
    for (const path of ['/../server.ts', '/%2e%2e/server.ts', '/..%2fserver.ts', '/%2e%2e%2f%2e%2e/package.json']) {
      const response = await fetch(`${sites.creatorOrigin}${path}`);
      expect([400, 404], path).toContain(response.status);
      expect(await response.text()).not.toContain('startSites');
    }
    expect((await fetch(`${sites.creatorOrigin}/no-such-page.html`)).status).toBe(404);
  });
});
