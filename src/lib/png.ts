/**
 * Encodes raw RGBA pixels as a PNG, for the social cards. resvg's own encoder
 * (`asPng()`) compresses hard and took about 40% of each card's time; zlib's
 * fastest level on rows stored as they are gives a file of about the same size in a
 * fraction of the time. An opaque image (every card) is written without its
 * alpha channel, which makes it smaller still. The pixels are exactly resvg's:
 * only the compression differs (tests/unit/png.test.ts decodes and compares).
 */
import { endianness } from "node:os";
import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG colour types: truecolour, and truecolour with alpha. */
const RGB = 2;
const RGBA = 6;
/** Each row starts with the number of its PNG row predictor; 0 stores the row as it is. */
const NO_FILTER = 0;

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

function isOpaque(rgba: Uint8Array): boolean {
  for (let alpha = 3; alpha < rgba.length; alpha += 4) if (rgba[alpha] !== 255) return false;
  return true;
}

/** The image's rows, each behind its predictor byte, with or without the alpha channel. */
function scanlines(rgba: Uint8Array, width: number, height: number, channels: 3 | 4): Buffer {
  const stride = width * channels + 1;
  const rows = Buffer.alloc(stride * height);
  if (channels === 4) {
    for (let y = 0; y < height; y++) {
      rows[y * stride] = NO_FILTER;
      rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * stride + 1);
    }
    return rows;
  }
  // Each pixel read once, as one 32-bit word (red in its low byte on a
  // little-endian CPU), instead of three bytes: this loop is a fifth of the
  // encoder's time.
  const pixels = LITTLE_ENDIAN ? wordsOf(rgba) : undefined;
  let from = 0;
  for (let y = 0; y < height; y++) {
    let to = y * stride;
    rows[to++] = NO_FILTER;
    if (pixels) {
      for (let x = 0; x < width; x++) {
        const pixel = pixels[from++] as number;
        rows[to++] = pixel & 0xff;
        rows[to++] = (pixel >>> 8) & 0xff;
        rows[to++] = (pixel >>> 16) & 0xff;
      }
      continue;
    }
    for (let x = 0; x < width; x++, from += 4) {
      rows[to++] = rgba[from] as number;
      rows[to++] = rgba[from + 1] as number;
      rows[to++] = rgba[from + 2] as number;
    }
  }
  return rows;
}

const LITTLE_ENDIAN = endianness() === "LE";

/** The pixels as 32-bit words, copying them first if they do not start on a word boundary. */
function wordsOf(rgba: Uint8Array): Uint32Array {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
}

/** A PNG of `width` × `height` RGBA pixels (4 bytes a pixel, rows top to bottom). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`encodePng: ${rgba.length} bytes is not ${width}×${height} RGBA pixels`);
  }
  const channels = isOpaque(rgba) ? 3 : 4;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = channels === 3 ? RGB : RGBA;
  // Bytes 10 to 12 (compression, row prediction and interlacing methods) stay 0.
  const data = deflateSync(scanlines(rgba, width, height, channels), { level: 1 });
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", data),
    chunk("IEND", new Uint8Array(0)),
  ]);
}
