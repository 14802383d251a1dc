import { describe, expect, test } from 'vitest';
import { qrMatrix } from './qrCode';

const ADDRESS = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BORDER = 2;

/** The 7×7 finder pattern: a dark ring, a light ring, a dark 3×3 core. */
function isFinder(modules: boolean[][], top: number, left: number): boolean {
  for (let y = 0; y < 7; y += 1)
    for (let x = 0; x < 7; x += 1) {
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      if (modules[top + y][left + x] !== (ring !== 2)) return false;
    }
  return true;
}

/** The 15 format bits around the top-left finder (ISO/IEC 18004 §7.9): bit i at the i-th position, (x, y). */
function formatBits(modules: boolean[][]): number {
  const at = (x: number, y: number) => (modules[BORDER + y][BORDER + x] ? 1 : 0);
  const positions = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]];
  return positions.reduce((bits, [x, y], i) => bits | (at(x, y) << i), 0);
}

/** BCH(15,5) format word of error correction level M (bits 00) and `mask`, XOR 0x5412 (the standard's vectors). */
function expectedFormat(mask: number): number {
  const data = (0b00 << 3) | mask;
  let remainder = data << 10;
  for (let bit = 14; bit >= 10; bit -= 1) if (remainder & (1 << bit)) remainder ^= 0x537 << (bit - 10);
  return ((data << 10) | remainder) ^ 0x5412;
}

describe('address QR code (uqr)', () => {
  const qr = qrMatrix(ADDRESS);
  const inner = qr.size - 2 * BORDER;

  test('an SS58 address is version 4 (33 modules) with a 2-module quiet zone', () => {
    expect(inner).toBe(33);
    expect(qr.modules.every((row) => row.length === qr.size)).toBe(true);
    expect(qr.modules[0].some(Boolean)).toBe(false);
  });

  test('three finder patterns and alternating timing patterns', () => {
    expect(isFinder(qr.modules, BORDER, BORDER)).toBe(true);
    expect(isFinder(qr.modules, BORDER, BORDER + inner - 7)).toBe(true);
    expect(isFinder(qr.modules, BORDER + inner - 7, BORDER)).toBe(true);
    for (let i = 8; i < inner - 8; i += 1) {
      expect(qr.modules[BORDER + 6][BORDER + i]).toBe(i % 2 === 0);
      expect(qr.modules[BORDER + i][BORDER + 6]).toBe(i % 2 === 0);
    }
  });

  test('the format information is a valid level-M word for one of the eight masks', () => {
    const written = formatBits(qr.modules);
    expect(Array.from({ length: 8 }, (_, mask) => expectedFormat(mask))).toContain(written);
    expect(expectedFormat(0)).toBe(0b101010000010010);
  });

  test('the path draws exactly the dark modules', () => {
    const dark = qr.modules.flat().filter(Boolean).length;
    expect(qr.path.match(/M/g)).toHaveLength(dark);
  });
});
