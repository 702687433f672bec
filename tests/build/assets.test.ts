/**
 * The icons: real PNGs of the sizes their names say, exactly what scripts/make-icons.js draws
 * (so the committed files and the script cannot drift apart), and copied into dist/assets.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { SIZES, crc32, renderIcon } from "../../scripts/make-icons";
import { ROOT, pngSize, requireDist } from "./helpers";

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

function chunks(png: Buffer): Chunk[] {
  const out: Chunk[] = [];
  let i = 8;
  while (i < png.length) {
    const len = png.readUInt32BE(i);
    const type = png.toString("ascii", i + 4, i + 8);
    const data = png.subarray(i + 8, i + 8 + len);
    const crc = png.readUInt32BE(i + 8 + len);
    out.push({ type, data, crcOk: crc32(png.subarray(i + 4, i + 8 + len)) === crc });
    i += 12 + len;
  }
  return out;
}

describe("icons", () => {
  test("the manifest's sizes (16, 32, 64, 80) and 128 are all drawn", () => {
    expect(SIZES).toEqual(expect.arrayContaining([16, 32, 64, 80, 128]));
  });

  test.each(SIZES)("assets/icon-%i.png is a valid PNG of that size and matches what the script draws", (size) => {
    const file = path.join(ROOT, "assets", `icon-${size}.png`);
    const png = fs.readFileSync(file);
    expect(pngSize(file)).toEqual({ width: size, height: size });
    const cs = chunks(png);
    expect(cs.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    for (const c of cs) expect(c.crcOk).toBe(true);
    expect([...cs[0].data.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]); // 8-bit RGBA, no interlace

    const raw = zlib.inflateSync(Buffer.concat(cs.filter((c) => c.type === "IDAT").map((c) => c.data)));
    const stride = size * 4;
    const pixels = Buffer.alloc(size * stride);
    for (let y = 0; y < size; y++) {
      expect(raw[y * (stride + 1)]).toBe(0); // filter "none", as written
      raw.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
    }
    expect(pixels.equals(renderIcon(size))).toBe(true);
  });

  test("the build copies every icon into dist/assets", () => {
    const dist = requireDist();
    for (const size of SIZES) {
      const a = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      const b = fs.readFileSync(path.join(dist, "assets", `icon-${size}.png`));
      expect(b.equals(a)).toBe(true);
    }
  });
});
