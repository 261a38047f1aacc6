import { Resvg } from "@resvg/resvg-js";
import { describe, expect, test } from "vitest";
import { encodePng } from "@/lib/png";
import { decodePng } from "../support/png-decode.ts";

// The cards' PNGs are encoded by our own fast encoder instead of resvg's: the
// files differ, the pixels must not.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160">
  <rect width="300" height="160" fill="#ffffff"/>
  <circle cx="80" cy="80" r="61.3" fill="#b91c1c"/>
  <path d="M150 20 L290 140 L160 150 Z" fill="#15803d" stroke="#18181b" stroke-width="3.5"/>
</svg>`;

function rendered(svg: string) {
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render();
}

describe("the social cards' PNG encoder", () => {
  test("keeps every pixel resvg drew, anti-aliased edges included", () => {
    const image = rendered(SVG);
    const ours = decodePng(encodePng(image.pixels, image.width, image.height));
    const resvgs = decodePng(image.asPng());
    expect([ours.width, ours.height]).toEqual([300, 160]);
    expect(Buffer.from(ours.rgba).equals(Buffer.from(resvgs.rgba))).toBe(true);
    // The image holds more than flat colour, so the comparison means something.
    expect(new Set(ours.rgba).size).toBeGreaterThan(50);
  });

  test("keeps transparency when the image has any", () => {
    const image = rendered(SVG.replace('fill="#ffffff"', 'fill="#ffffff" fill-opacity="0.5"'));
    const png = encodePng(image.pixels, image.width, image.height);
    expect(png[25]).toBe(6); // IHDR colour type: truecolour with alpha
    expect(Buffer.from(decodePng(png).rgba).equals(Buffer.from(image.pixels))).toBe(true);
  });

  test("writes an opaque image (every card) without its alpha channel", () => {
    const image = rendered(SVG);
    const png = encodePng(image.pixels, image.width, image.height);
    expect(png[25]).toBe(2); // IHDR colour type: truecolour
    expect(Buffer.from(decodePng(png).rgba).equals(Buffer.from(image.pixels))).toBe(true);
  });

  test("writes the same file from pixels that do not start on a word boundary", () => {
    const image = rendered(SVG);
    const shifted = new Uint8Array(image.pixels.length + 1);
    shifted.set(image.pixels, 1);
    const unaligned = shifted.subarray(1);
    expect(unaligned.byteOffset % 4).not.toBe(0);
    const png = encodePng(image.pixels, image.width, image.height);
    expect(encodePng(unaligned, image.width, image.height).equals(png)).toBe(true);
  });

  test("refuses pixels that do not match the size given", () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow(/10 bytes is not 2×2 RGBA pixels/);
  });
});
