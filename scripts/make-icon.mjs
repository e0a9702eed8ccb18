// Draws resources/icon.png (512x512): lines of text on a page, one of them highlighted,
// in the app's claim colour. A PNG written by hand so the icon needs no image tools.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const pixels = Buffer.alloc(SIZE * SIZE * 4);
const put = (x, y, [r, g, b, a]) => pixels.set([r, g, b, a], (y * SIZE + x) * 4);
const inRoundedRect = (x, y, left, top, right, bottom, radius) => {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return x >= left && x < right && y >= top && y < bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

const BACKGROUND = [29, 78, 216, 255]; // entity blue
const PAGE = [255, 255, 255, 255];
const INK = [100, 116, 139, 255];
const HIGHLIGHT = [251, 191, 36, 255]; // claim amber
const lines = [150, 210, 270, 330, 390];
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let colour = [0, 0, 0, 0];
    if (inRoundedRect(x, y, 16, 16, 496, 496, 96)) colour = BACKGROUND;
    if (inRoundedRect(x, y, 96, 80, 416, 448, 24)) colour = PAGE;
    lines.forEach((top, i) => {
      const right = i === lines.length - 1 ? 300 : 360;
      if (i === 2 && inRoundedRect(x, y, 128, top - 14, 384, top + 36, 10)) colour = HIGHLIGHT;
      if (inRoundedRect(x, y, 152, top, right, top + 22, 11)) colour = INK;
    });
    put(x, y, colour);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`wrote resources/icon.png (${png.length} bytes)`);
