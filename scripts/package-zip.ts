/*
 * `npm run package`: zips dist/ into artifacts/vilokanam-meter-<version>.zip for the Chrome Web Store;
 * `npm run package:firefox` zips dist-firefox/ into artifacts/vilokanam-meter-<version>-firefox.zip for AMO.
 * Written with node:zlib so no zip tool or dependency is needed. Entries are sorted and carry a fixed
 * timestamp, so the same dist/ always gives the same zip.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const firefox = process.argv.includes('--firefox');
const distDir = join(root, firefox ? 'dist-firefox' : 'dist');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DEFLATE = 8;
const STORE = 0;

function zip(files: { path: string; data: Buffer }[]): Buffer {
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;
  for (const { path, data } of files) {
    const nameBytes = Buffer.from(path, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : data;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    localParts.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centralParts.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...localParts, centralDirectory, end]);
}

if (!statSync(join(distDir, 'manifest.json'), { throwIfNoEntry: false })) {
  console.error(`${relative(root, distDir)}/manifest.json is missing: run \`npm run ${firefox ? 'build:firefox' : 'build'}\` first.`);
  process.exit(1);
}
const files = listFiles(distDir)
  .map((file) => ({ path: relative(distDir, file).split(sep).join('/'), data: readFileSync(file) }))
  .filter((file) => !file.path.startsWith('.vite/'))
  .sort((a, b) => (a.path < b.path ? -1 : 1));
const outDir = join(root, 'artifacts');
mkdirSync(outDir, { recursive: true });
const outFile = join(outDir, `${name}-${version}${firefox ? '-firefox' : ''}.zip`);
const archive = zip(files);
writeFileSync(outFile, archive);
console.log(`${relative(root, outFile)}: ${files.length} files, ${archive.length} bytes`);
