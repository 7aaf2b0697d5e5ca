import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { drawColorIcon, drawOutlineIcon } from './icons/draw.js';
import { encodePng } from './icons/png.js';

/**
 * Redraws appPackage/color.png (192 × 192) and appPackage/outline.png (32 × 32).
 * Run `npm run icons` after changing scripts/icons/draw.ts; a test checks the
 * committed files are exactly what the generator draws.
 */
export function iconFiles(): Record<'color.png' | 'outline.png', Buffer> {
  return { 'color.png': encodePng(drawColorIcon()), 'outline.png': encodePng(drawOutlineIcon()) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, bytes] of Object.entries(iconFiles())) {
    const target = fileURLToPath(new URL(`../appPackage/${name}`, import.meta.url));
    writeFileSync(target, bytes);
    console.log(`wrote ${target} (${bytes.length} bytes)`);
  }
}
