// Draws media/icon.png (128×128, the marketplace icon) with node's zlib alone: a parent box fanning
// out to two child boxes, white on Google blue. Run `node media/makeIcon.mjs` after changing it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const BACKGROUND = [26, 115, 232, 255];
const FOREGROUND = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

const boxes = [
  [40, 14, 88, 46],
  [12, 82, 56, 114],
  [72, 82, 116, 114],
];
const lines = [
  [61, 46, 67, 66],
  [31, 62, 97, 68],
  [31, 62, 37, 82],
  [91, 62, 97, 82],
];

function inside([x0, y0, x1, y1], x, y) {
  return x >= x0 && x < x1 && y >= y0 && y < y1;
}

function inRoundedSquare(x, y) {
  const r = 24;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function pixel(x, y) {
  if (!inRoundedSquare(x + 0.5, y + 0.5)) return CLEAR;
  const outline = boxes.some((b) => inside(b, x, y) && !inside([b[0] + 6, b[1] + 6, b[2] - 6, b[3] - 6], x, y));
  return outline || lines.some((l) => inside(l, x, y)) ? FOREGROUND : BACKGROUND;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0;
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), y * (SIZE * 4 + 1) + 1 + x * 4);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
