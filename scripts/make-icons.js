#!/usr/bin/env node
/**
 * Draws the add-in's icons and writes them as PNG files to assets/icon-<size>.png.
 *
 * The mark: a teal rounded square with a white plus (care) — readable at 16 px on the ribbon.
 * Pure Node (zlib for the compressed image data, our own CRC-32), no image libraries, so the
 * icons can be regenerated anywhere: `node scripts/make-icons.js`. The PNGs are committed; the
 * test suite checks that they decode to exactly what renderIcon() draws.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const TEAL = [0x00, 0x7c, 0x80]; // #007C80
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4×4 samples per pixel for smooth edges

/** Coverage test in unit coordinates (0..1 across the icon). */
function inRoundedSquare(x, y) {
  const margin = 1 / 32;
  const r = 0.2;
  const lo = margin;
  const hi = 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inPlus(x, y) {
  const arm = 0.29; // half-length of each bar
  const half = 0.085; // half-thickness of each bar
  const dx = Math.abs(x - 0.5);
  const dy = Math.abs(y - 0.5);
  return (dx <= half && dy <= arm) || (dy <= half && dx <= arm);
}

/** Straight (not premultiplied) RGBA pixels, row-major, size × size × 4 bytes. */
function renderIcon(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let fg = 0;
      for (let sj = 0; sj < SUPERSAMPLE; sj++) {
        for (let si = 0; si < SUPERSAMPLE; si++) {
          const x = (i + (si + 0.5) / SUPERSAMPLE) / size;
          const y = (j + (sj + 0.5) / SUPERSAMPLE) / size;
          if (inRoundedSquare(x, y)) {
            if (inPlus(x, y)) fg++;
            else bg++;
          }
        }
      }
      const covered = bg + fg;
      const o = (j * size + i) * 4;
      if (covered === 0) continue; // transparent
      for (let c = 0; c < 3; c++) px[o + c] = Math.round((TEAL[c] * bg + WHITE[c] * fg) / covered);
      px[o + 3] = Math.round((255 * covered) / n);
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering, one IDAT). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(__dirname, "..", "assets");
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    const png = encodePng(size, renderIcon(size));
    fs.writeFileSync(file, png);
    console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
  }
}

module.exports = { SIZES, renderIcon, encodePng, crc32 };

if (require.main === module) main();
