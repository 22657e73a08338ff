#!/usr/bin/env node
/**
 * Draws Dialpane's add-in icons — a white handset on a brand-blue rounded square — and writes them
 * as PNGs into assets/ (icon-16/32/64/80/128.png, committed). Offline and dependency-free: the glyph
 * is the Fluent UI "Call 24 filled" path (MIT, microsoft/fluentui-system-icons), flattened to
 * polygons, filled with the non-zero rule at 4x4 supersampling, and encoded with zlib.
 *
 *   node scripts/generate-icons.js
 *   ICON_SIZES=256 ICON_OUT_DIR=/tmp/icons node scripts/generate-icons.js   # a larger preview
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = process.env.ICON_SIZES ? process.env.ICON_SIZES.split(',').map(Number) : [16, 32, 64, 80, 128];
const OUT_DIR = process.env.ICON_OUT_DIR ?? path.join(__dirname, '..', 'assets');
const CALL_24_FILLED =
  'm7.77 2.44 1.08-.35c1-.32 2.09.2 2.52 1.22l.86 2.03c.37.88.16 1.92-.52 2.57l-1.9 1.8a8.68 8.68 0 0 0 3.36 5.77l2.28-.76c.86-.29 1.8.04 2.33.82l1.23 1.8c.62.91.5 2.16-.26 2.93l-.81.82a3 3 0 0 1-3.06.77q-3.8-1.19-7-7.05-3.2-5.88-2.26-9.97a3.3 3.3 0 0 1 2.15-2.4';
const TOP = [0x11, 0x7a, 0xd4]; // gradient from a lighter brand blue ...
const BOTTOM = [0x0f, 0x5c, 0xa3]; // ... to Fluent's brand (colorBrandBackground #0F6CBD, darkened)

// ---------- SVG path -> polygons (absolute and relative M L H V C S Q T A Z) ----------
function flattenPath(d) {
  const polys = [];
  let poly = null;
  let i = 0;
  const skip = () => { while (i < d.length && /[\s,]/.test(d[i])) i++; };
  const number = () => {
    skip();
    const m = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(d.slice(i));
    if (!m) throw new Error(`bad number at ${i} in path`);
    i += m[0].length;
    return Number(m[0]);
  };
  const flag = () => { skip(); const c = d[i++]; if (c !== '0' && c !== '1') throw new Error(`bad arc flag at ${i}`); return c === '1'; };
  const hasNumber = () => { skip(); return i < d.length && /[\d.+-]/.test(d[i]); };
  let x = 0, y = 0, sx = 0, sy = 0, cmd = '', lastCtrl = null;
  const lineTo = (nx, ny) => { poly.push([nx, ny]); x = nx; y = ny; };
  const cubic = (x1, y1, x2, y2, x3, y3) => {
    const x0 = x, y0 = y;
    for (let k = 1; k <= 16; k++) {
      const t = k / 16, u = 1 - t;
      lineTo(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
    }
  };
  const arc = (rx, ry, rot, large, sweep, x2, y2) => {
    // Endpoint to center parameterization (SVG 1.1, appendix F.6).
    const x1 = x, y1 = y, phi = (rot * Math.PI) / 180, cos = Math.cos(phi), sin = Math.sin(phi);
    rx = Math.abs(rx); ry = Math.abs(ry);
    if (rx === 0 || ry === 0) return lineTo(x2, y2);
    const dx = (x1 - x2) / 2, dy = (y1 - y2) / 2;
    const x1p = cos * dx + sin * dy, y1p = -sin * dx + cos * dy;
    const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
    if (lambda > 1) { rx *= Math.sqrt(lambda); ry *= Math.sqrt(lambda); }
    const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
    const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
    const coef = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
    const cxp = (coef * rx * y1p) / ry, cyp = (-coef * ry * x1p) / rx;
    const cx = cos * cxp - sin * cyp + (x1 + x2) / 2, cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
    const angle = (ux, uy, vx, vy) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    const t1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
    let dt = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
    if (!sweep && dt > 0) dt -= 2 * Math.PI;
    if (sweep && dt < 0) dt += 2 * Math.PI;
    const steps = Math.max(4, Math.ceil(Math.abs(dt) / (Math.PI / 16)));
    for (let k = 1; k <= steps; k++) {
      const t = t1 + (dt * k) / steps;
      lineTo(cx + rx * Math.cos(t) * cos - ry * Math.sin(t) * sin, cy + rx * Math.cos(t) * sin + ry * Math.sin(t) * cos);
    }
    x = x2; y = y2;
  };
  while (true) {
    skip();
    if (i >= d.length) break;
    if (/[a-z]/i.test(d[i])) cmd = d[i++];
    const rel = cmd === cmd.toLowerCase();
    const ox = rel ? x : 0, oy = rel ? y : 0;
    const C = cmd.toUpperCase();
    if (C === 'Z') { x = sx; y = sy; poly = null; lastCtrl = null; continue; }
    if (C === 'M') {
      const nx = number() + ox, ny = number() + oy;
      poly = [[nx, ny]]; polys.push(poly); x = sx = nx; y = sy = ny;
      cmd = rel ? 'l' : 'L';
      lastCtrl = null;
      continue;
    }
    if (!poly) { poly = [[x, y]]; polys.push(poly); }
    if (C === 'L') lineTo(number() + ox, number() + oy);
    else if (C === 'H') lineTo(number() + ox, y);
    else if (C === 'V') lineTo(x, number() + oy);
    else if (C === 'C') { const a = [number() + ox, number() + oy, number() + ox, number() + oy, number() + ox, number() + oy]; cubic(...a); lastCtrl = [a[2], a[3]]; continue; }
    else if (C === 'S') {
      const r = lastCtrl ? [2 * x - lastCtrl[0], 2 * y - lastCtrl[1]] : [x, y];
      const a = [number() + ox, number() + oy, number() + ox, number() + oy];
      cubic(r[0], r[1], ...a); lastCtrl = [a[0], a[1]]; continue;
    } else if (C === 'Q' || C === 'T') {
      const q = C === 'Q' ? [number() + ox, number() + oy] : lastCtrl ? [2 * x - lastCtrl[0], 2 * y - lastCtrl[1]] : [x, y];
      const e = [number() + ox, number() + oy];
      cubic(x + (2 / 3) * (q[0] - x), y + (2 / 3) * (q[1] - y), e[0] + (2 / 3) * (q[0] - e[0]), e[1] + (2 / 3) * (q[1] - e[1]), e[0], e[1]);
      lastCtrl = q; continue;
    } else if (C === 'A') { const rx = number(), ry = number(), rot = number(), large = flag(), sweep = flag(); arc(rx, ry, rot, large, sweep, number() + ox, number() + oy); }
    else throw new Error(`unsupported path command ${cmd}`);
    lastCtrl = null;
    if (!hasNumber() && i < d.length && !/[a-z]/i.test(d[i])) throw new Error(`unexpected ${d[i]} at ${i}`);
  }
  return polys;
}

/** Non-zero winding number of (px, py) against closed polygons. */
function inside(polys, px, py) {
  let winding = 0;
  for (const poly of polys) {
    for (let k = 0; k < poly.length; k++) {
      const [x1, y1] = poly[k];
      const [x2, y2] = poly[(k + 1) % poly.length];
      if (y1 <= py ? y2 > py : y2 <= py) {
        const xc = x1 + ((py - y1) / (y2 - y1)) * (x2 - x1);
        if (xc > px) winding += y2 > y1 ? 1 : -1;
      }
    }
  }
  return winding !== 0;
}

function roundedSquare(x, y, radius) {
  const qx = Math.abs(x - 0.5) - 0.5 + radius;
  const qy = Math.abs(y - 0.5) - 0.5 + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius <= 0;
}

function render(size, glyph) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  // The 24-unit glyph box is scaled to 70% of the icon (a bit more at 16 px to stay legible) and centred.
  const scale = size <= 16 ? 0.78 : 0.7;
  const offset = (1 - scale) / 2;
  const radius = size <= 16 ? 0.18 : 0.22;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (!roundedSquare(x, y, radius)) continue;
          bg++;
          if (inside(glyph, ((x - offset) / scale) * 24, ((y - offset) / scale) * 24)) fg++;
        }
      }
      if (bg === 0) continue;
      const t = (py + 0.5) / size;
      const f = fg / bg;
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round((TOP[k] + (BOTTOM[k] - TOP[k]) * t) * (1 - f) + 255 * f);
      rgba[i + 3] = Math.round((bg / (samples * samples)) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

// ---------- PNG encoding ----------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height); // filter byte 0 (None) before each row
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const glyph = flattenPath(CALL_24_FILLED);
fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, render(size, glyph));
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
