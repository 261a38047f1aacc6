/**
 * Decodes an 8-bit, non-interlaced RGB or RGBA PNG (every PNG the site writes
 * or resvg writes) into RGBA pixels, undoing all five row predictors, so tests
 * can compare two PNGs by their pixels rather than by their bytes.
 */
import { inflateSync } from "node:zlib";

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** 4 bytes a pixel, rows top to bottom. */
  readonly rgba: Uint8Array;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

export function decodePng(png: Uint8Array): DecodedPng {
  const bytes = Buffer.from(png);
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8);
      if (depth !== 8 || interlace !== 0 || (colourType !== 2 && colourType !== 6)) {
        throw new Error(`decodePng reads 8-bit RGB or RGBA without interlacing only`);
      }
      channels = colourType === 2 ? 3 : 4;
    }
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const predictor = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const predicted =
        predictor === 0
          ? 0
          : predictor === 1
            ? left
            : predictor === 2
              ? up
              : predictor === 3
                ? (left + up) >> 1
                : predictor === 4
                  ? paeth(left, up, upLeft)
                  : undefined;
      if (predicted === undefined) throw new Error(`unknown PNG row predictor ${predictor}`);
      rows[y * stride + x] = (value + predicted) & 255;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let pixel = 0; pixel < width * height; pixel++) {
    rgba.set(rows.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
  }
  return { width, height, rgba };
}
