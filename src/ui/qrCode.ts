/** An address as a QR code (the `uqr` encoder), drawn as one SVG path of dark modules. */
import { encode } from 'uqr';

export interface QrMatrix {
  /** Modules per side, the quiet-zone border included. */
  size: number;
  /** `M x y h1 v1 h-1 z` squares of every dark module, for `<path d>`. */
  path: string;
  /** Row by row, true = dark: what a scanner reads. */
  modules: boolean[][];
}

/** Error correction M (15 %), a 2-module quiet zone: an SS58 address fits version 4 (33 modules). */
export function qrMatrix(text: string): QrMatrix {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  const squares: string[] = [];
  data.forEach((row, y) => row.forEach((dark, x) => dark && squares.push(`M${x} ${y}h1v1h-1z`)));
  return { size, path: squares.join(''), modules: data };
}
