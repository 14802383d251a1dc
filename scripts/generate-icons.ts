/*
 * Draws the toolbar icons, one set per badge state (`BadgeState` in src/shared/messages.ts), into
 * public/icons/<state>-<size>.png. Run `npx tsx scripts/generate-icons.ts` after changing a shape or colour;
 * the PNGs are committed so a build needs no image tooling.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
/** Coverage of the glyph at a point of the unit square (0..1, y down): true when inside. */
type Glyph = (x: number, y: number) => boolean;

const SIZES = [16, 32, 48, 128] as const;
const SUPERSAMPLE = 4;

const inTriangle = (x: number, y: number): boolean => x >= 0.38 && x <= 0.72 && Math.abs(y - 0.5) <= (0.72 - x) * 0.62;
const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inDisc = (x: number, y: number, cx: number, cy: number, r: number): boolean => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const play: Glyph = inTriangle;
const pause: Glyph = (x, y) => inRect(x, y, 0.34, 0.3, 0.45, 0.7) || inRect(x, y, 0.55, 0.3, 0.66, 0.7);
const alert: Glyph = (x, y) => inRect(x, y, 0.44, 0.24, 0.56, 0.58) || inDisc(x, y, 0.5, 0.7, 0.065);
const waiting: Glyph = (x, y) => inDisc(x, y, 0.3, 0.5, 0.075) || inDisc(x, y, 0.5, 0.5, 0.075) || inDisc(x, y, 0.7, 0.5, 0.075);
const padlock: Glyph = (x, y) => {
  const shackle = inDisc(x, y, 0.5, 0.42, 0.15) && !inDisc(x, y, 0.5, 0.42, 0.08) && y <= 0.47;
  return shackle || inRect(x, y, 0.3, 0.47, 0.7, 0.74);
};

const STATES: Record<string, { color: Rgb; glyph: Glyph }> = {
  idle: { color: [120, 128, 140], glyph: play },
  consent: { color: [214, 148, 20], glyph: waiting },
  metering: { color: [22, 150, 92], glyph: play },
  paused: { color: [70, 110, 170], glyph: pause },
  error: { color: [200, 48, 48], glyph: alert },
  locked: { color: [60, 64, 72], glyph: padlock },
};

function drawIcon(size: number, color: Rgb, glyph: Glyph): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let disc = 0;
      let mark = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!inDisc(x, y, 0.5, 0.5, 0.48)) continue;
          disc++;
          if (glyph(x, y)) mark++;
        }
      }
      const whiteShare = disc === 0 ? 0 : mark / disc;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++) {
        rgba[offset + channel] = Math.round(color[channel] * (1 - whiteShare) + 255 * whiteShare);
      }
      rgba[offset + 3] = Math.round((255 * disc) / samples);
    }
  }
  return encodePng(size, rgba);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(outDir, { recursive: true });
for (const [state, { color, glyph }] of Object.entries(STATES)) {
  for (const size of SIZES) writeFileSync(join(outDir, `${state}-${size}.png`), drawIcon(size, color, glyph));
}
console.log(`wrote ${Object.keys(STATES).length * SIZES.length} icons to ${outDir}`);
