export const SIZES: number[];
/** Straight RGBA pixels, row-major, size × size × 4 bytes. */
export function renderIcon(size: number): Buffer;
export function encodePng(size: number, rgba: Buffer): Buffer;
export function crc32(buf: Buffer): number;
