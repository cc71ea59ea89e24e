#!/usr/bin/env node
/*
 * Generates the add-in icons in assets/ (icon-16/32/64/80/128.png).
 *
 * Plain Node, no image libraries: shapes are described as signed-distance / inside tests,
 * rendered with 8x8 supersampling for anti-aliasing, and encoded as RGBA PNG with zlib.
 *
 * The emblem: a deep-blue rounded square with a white shield holding a blue check mark.
 * At 16 px the shield would turn to mush, so the smallest size draws only a bold white
 * check mark on the blue square.
 *
 * Usage: node tools/make-icons.js [outputDir]   (default: assets/ next to this folder)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const SUPERSAMPLE = 8;

// Colours (sRGB, 0–255)
const BLUE_TOP = [0x1d, 0x5f, 0xb4];
const BLUE_BOTTOM = [0x0b, 0x36, 0x78];
const WHITE = [0xff, 0xff, 0xff];
const CHECK_BLUE = [0x0e, 0x47, 0x95];
const SHIELD_SHADE = [0xe4, 0xec, 0xf7];

// ---------- geometry helpers (coordinates in unit space 0..1, y downwards) ----------

function roundedRectSdf(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(x - cx) - hx;
  const qy = Math.abs(y - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  const inside = Math.min(Math.max(qx, qy), 0);
  return outside + inside - r;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distanceToPolyline(px, py, points) {
  let best = Infinity;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    best = Math.min(best, distanceToSegment(px, py, ax, ay, bx, by));
  }
  return best;
}

function insidePolygon(px, py, polygon) {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function quadraticBezier(p0, p1, p2, steps) {
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push([
      u * u * p0[0] + 2 * u * t * p1[0] + t * t * p2[0],
      u * u * p0[1] + 2 * u * t * p1[1] + t * t * p2[1],
    ]);
  }
  return points;
}

/** A heraldic shield: slightly dipped top edge, straight upper sides, curved sides to a point. */
function shieldPolygon(cx, top, halfWidth, height) {
  const left = cx - halfWidth;
  const right = cx + halfWidth;
  const shoulder = top + height * 0.12;
  const sideEnd = top + height * 0.5;
  const bottom = top + height;
  const points = [];
  // top edge: from left shoulder up to the centre notch and down again (gentle arch downwards)
  points.push(...quadraticBezier([left, shoulder], [cx - halfWidth * 0.45, top - height * 0.02], [cx, top + height * 0.04], 16));
  points.push(...quadraticBezier([cx, top + height * 0.04], [cx + halfWidth * 0.45, top - height * 0.02], [right, shoulder], 16).slice(1));
  points.push([right, sideEnd]);
  points.push(...quadraticBezier([right, sideEnd], [right, top + height * 0.82], [cx, bottom], 24).slice(1));
  points.push(...quadraticBezier([cx, bottom], [left, top + height * 0.82], [left, sideEnd], 24).slice(1));
  return points;
}

// ---------- the emblem ----------

function makeScene(size) {
  const small = size <= 16;
  // Leave a hair of margin so the rounded corners are not clipped.
  const margin = small ? 0.0 : 0.02;
  const radius = small ? 0.2 : 0.2;
  const background = { x0: margin, y0: margin, x1: 1 - margin, y1: 1 - margin, r: radius };

  if (small) {
    // Bold check only; stroke width ~2.4 px at 16 px.
    return {
      background,
      shield: null,
      check: { points: [[0.24, 0.52], [0.43, 0.71], [0.77, 0.3]], width: 0.16, colour: WHITE },
    };
  }
  const shield = shieldPolygon(0.5, 0.16, 0.3, 0.7);
  return {
    background,
    shield,
    check: {
      points: [[0.345, 0.485], [0.465, 0.605], [0.665, 0.385]],
      width: size <= 32 ? 0.095 : 0.08,
      colour: CHECK_BLUE,
    },
  };
}

function mix(a, b, t) {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** Colour and alpha of one sample point, or null when transparent. */
function samplePoint(scene, x, y) {
  const bg = scene.background;
  if (roundedRectSdf(x, y, bg.x0, bg.y0, bg.x1, bg.y1, bg.r) > 0) return null;
  const t = (y - bg.y0) / (bg.y1 - bg.y0);
  let colour = mix(BLUE_TOP, BLUE_BOTTOM, t);
  if (scene.shield && insidePolygon(x, y, scene.shield)) {
    // A subtle two-tone shield: right half a touch darker, like a bevel.
    colour = x > 0.5 ? SHIELD_SHADE : WHITE;
  }
  const check = scene.check;
  if (distanceToPolyline(x, y, check.points) <= check.width / 2) colour = check.colour;
  return colour;
}

function render(size) {
  const scene = makeScene(size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const colour = samplePoint(scene, x, y);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        rgba[offset] = Math.round(r / covered);
        rgba[offset + 1] = Math.round(g / covered);
        rgba[offset + 2] = Math.round(b / covered);
        rgba[offset + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return rgba;
}

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

// ---------- main ----------

function main() {
  const outputDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outputDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outputDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { render, encodePng, SIZES };
