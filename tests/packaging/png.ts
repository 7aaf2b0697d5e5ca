import { inflateSync } from 'node:zlib';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = RGBA, 2 = RGB, 3 = palette, ... */
  colorType: number;
}

const SIGNATURE = '89504e470d0a1a0a';

/** Reads the IHDR chunk, which the PNG format fixes as the first chunk after the signature. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const buf = Buffer.from(bytes);
  if (buf.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG file');
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bitDepth: buf[24]!, colorType: buf[25]! };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes an 8-bit RGBA, non-interlaced PNG into raw pixels, undoing all five
 * row filters, so the tests judge the icons by what any PNG reader would show.
 */
export function decodeRgbaPng(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const header = readPngHeader(bytes);
  if (header.colorType !== 6 || header.bitDepth !== 8) throw new Error('only 8-bit RGBA PNGs are decoded here');
  const buf = Buffer.from(bytes);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + length));
    if (type === 'IHDR' && buf[at + 8 + 12] !== 0) throw new Error('interlaced PNGs are not decoded here');
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const { width, height } = header;
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter!];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}
