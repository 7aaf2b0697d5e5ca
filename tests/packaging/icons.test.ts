import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { iconFiles } from '../../scripts/generate-icons.js';
import { decodeRgbaPng, readPngHeader } from './png.js';

const appPackage = (name: string) => readFileSync(fileURLToPath(new URL(`../../appPackage/${name}`, import.meta.url)));

describe('the app icons', () => {
  it('are exactly what the icon generator draws, so the committed PNGs never drift from their source', () => {
    const generated = iconFiles();
    expect(appPackage('color.png').equals(generated['color.png'])).toBe(true);
    expect(appPackage('outline.png').equals(generated['outline.png'])).toBe(true);
  });

  it('have the sizes Teams requires: color 192 × 192, outline 32 × 32', () => {
    expect(readPngHeader(appPackage('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(appPackage('outline.png'))).toMatchObject({ width: 32, height: 32 });
  });

  it('draw the outline icon in white on a transparent background only', () => {
    const { pixels } = decodeRgbaPng(appPackage('outline.png'));
    let visible = 0;
    let transparent = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else {
        visible++;
        expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    // A real glyph: neither an empty canvas nor a filled square.
    expect(visible).toBeGreaterThan(32 * 32 * 0.15);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
  });

  it('fill the color icon edge to edge, with more than one colour', () => {
    const { pixels } = decodeRgbaPng(appPackage('color.png'));
    const colours = new Set<number>();
    let seeThrough = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] !== 255) seeThrough++;
      colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    }
    expect(seeThrough).toBe(0);
    expect(colours.size).toBeGreaterThan(2);
  });
});
