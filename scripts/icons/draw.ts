import type { RgbaImage } from './png.js';

/**
 * The app's two icons, drawn from signed distance fields so one description
 * renders crisply at 192 px and at 32 px. Coordinates are in a 192 × 192
 * design space; negative distance means inside.
 */

type Point = readonly [number, number];
/** Signed distance from a point (design units) to a shape's edge. */
type Shape = (x: number, y: number) => number;

/** Teams' indigo family; also the manifest's accentColor, so the tile and the icon match. */
export const ACCENT = '#4F52B2';
const INK: Rgb = [0x4f, 0x52, 0xb2];
const WHITE: Rgb = [0xff, 0xff, 0xff];
type Rgb = readonly [number, number, number];

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

/** Exact distance to a simple polygon (edge distance, sign from the even-odd rule). */
function polygon(points: readonly Point[]): Shape {
  return (x, y) => {
    let best = Infinity;
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[j]!;
      const ex = bx - ax;
      const ey = by - ay;
      const t = Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)));
      best = Math.min(best, Math.hypot(x - ax - ex * t, y - ay - ey * t));
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
    return inside ? -best : best;
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) => {
    let d = Infinity;
    for (const shape of shapes) d = Math.min(d, shape(x, y));
    return d;
  };
const grow =
  (shape: Shape, by: number): Shape =>
  (x, y) =>
    shape(x, y) - by;
const subtract =
  (shape: Shape, cut: Shape): Shape =>
  (x, y) =>
    Math.max(shape(x, y), -cut(x, y));
const ring =
  (shape: Shape, width: number): Shape =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2;

/** The reply bubble, behind and to the right, tail pointing down-right. */
const backBubble = union(
  roundedRect(72, 30, 164, 102, 20),
  polygon([
    [128, 96],
    [154, 96],
    [160, 126],
  ]),
);

/** The bubble in front, tail pointing down-left: the person speaking now. */
const frontBubble = union(
  roundedRect(28, 68, 142, 152, 22),
  polygon([
    [46, 146],
    [76, 146],
    [36, 176],
  ]),
);

/** "1:1" — two strokes with a flag each and a colon between them. */
function digitOne(left: number): Shape {
  return union(
    roundedRect(left, 88, left + 11, 134, 2),
    polygon([
      [left + 1, 88],
      [left + 11, 88],
      [left + 1, 101],
      [left - 11, 104],
    ]),
  );
}
const oneToOne = union(digitOne(60), circle(85, 99, 6), circle(85, 124, 6), digitOne(100));

interface Layer {
  shape: Shape;
  color: Rgb;
  alpha: number;
}

/** Paints layers back to front with 4 × 4 supersampling; `background` null means transparent. */
function render(size: number, background: Rgb | null, layers: Layer[]): RgbaImage {
  const scale = 192 / size;
  const samples = 4;
  const n = samples * samples;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Sums of premultiplied colour and of alpha over the samples of this pixel.
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * scale;
          const y = (py + (sy + 0.5) / samples) * scale;
          const c = background ? [...background, 1] : [0, 0, 0, 0];
          for (const { shape, color, alpha } of layers) {
            if (shape(x, y) > 0) continue;
            c[0] = color[0] * alpha + c[0]! * (1 - alpha);
            c[1] = color[1] * alpha + c[1]! * (1 - alpha);
            c[2] = color[2] * alpha + c[2]! * (1 - alpha);
            c[3] = alpha + c[3]! * (1 - alpha);
          }
          for (let k = 0; k < 4; k++) sum[k]! += c[k]!;
        }
      }
      const alpha = sum[3]! / n;
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) pixels[i + k] = alpha > 0 ? Math.round(sum[k]! / n / alpha) : 0;
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, pixels };
}

/** 192 × 192, full bleed (Teams rounds the corners itself): two bubbles and "1:1" on the accent colour. */
export function drawColorIcon(): RgbaImage {
  return render(192, INK, [
    { shape: backBubble, color: WHITE, alpha: 0.55 },
    // A ring of accent colour parts the bubbles so the front one reads as in front.
    { shape: grow(frontBubble, 7), color: INK, alpha: 1 },
    { shape: frontBubble, color: WHITE, alpha: 1 },
    { shape: oneToOne, color: INK, alpha: 1 },
  ]);
}

/**
 * 32 × 32, white on transparent as Teams requires for the outline icon: the
 * back bubble as a 2 px stroke, the front one filled, a transparent gap between.
 */
export function drawOutlineIcon(): RgbaImage {
  const stroke = 12; // design units: 2 px at 32 px
  const gap = 9;
  const backStroke = subtract(ring(backBubble, stroke), grow(frontBubble, gap));
  return render(32, null, [{ shape: union(backStroke, frontBubble), color: WHITE, alpha: 1 }]);
}
