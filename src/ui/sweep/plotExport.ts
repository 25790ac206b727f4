/**
 * The plot as a figure for a paper or a report: a title and subtitle, the plot
 * (axes, labels, front and rings as vectors), and a legend, as a standalone SVG or
 * a PNG at 2× (or the screen's ratio, if higher). The SVG draws the cloud as
 * vector marks up to FIGURE_VECTOR_POINTS points in view, and as an embedded
 * raster beyond (100,000 vector squares would make a file no viewer opens
 * quickly). Colours come from CSS variables, so they are inlined from the
 * computed styles; the brush's interaction rectangles and the hover ring are left out.
 */
import { MARGIN, type CloudExport, type PlotEngine } from './plotEngine.ts';
import { channelRangeText, COLOUR_BIN_HEX, type PointEncoding } from './plotEncoding.ts';
import { DESIGN_RING_PATH, DESIGN_STAR_PATH } from './plotOverlays.ts';

export const FIGURE_VECTOR_POINTS = 10_000;
const NS = 'http://www.w3.org/2000/svg';
const TITLE_H = 46;
const LEGEND_H = 30;
/** Each further legend row: colour and size by, or entries wrapped to the figure's width. */
const LEGEND_ROW_H = 20;
// paint-order: the labels' halo is stroked under their glyphs; left out, it was painted over them.
const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'display', 'fill-opacity', 'stroke-opacity', 'paint-order'] as const;

/** What the figure says about itself. */
export interface FigureText {
  /** e.g. "Energy / sequence vs latency". */
  title: string;
  /** e.g. "5,000 designs, 21 on the Pareto front · sweep seed 1 · TransCODE Explorer". */
  subtitle: string;
  /** Brushed points, for the legend (0: no selection entry). */
  selected: number;
  /** The history sweep drawn under this one, for the legend. */
  overlay?: string | null;
  /** The front's legend entry (default: both objectives minimised). */
  front?: string;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The plot's own SVG with computed styles inlined and the interaction layers removed. */
function inlinedPlot(svg: SVGSVGElement): SVGGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = svg.querySelectorAll('*');
  const to = clone.querySelectorAll('*');
  from.forEach((node, k) => {
    const style = getComputedStyle(node);
    const target = to[k] as SVGElement;
    for (const p of STYLE_PROPS) target.style.setProperty(p, style.getPropertyValue(p));
  });
  clone.querySelector('[data-part="brush"]')?.remove();
  clone.querySelector('[data-part="hover"]')?.remove();
  const g = el('g', {});
  while (clone.firstChild) g.appendChild(clone.firstChild);
  return g;
}

/** Which marked designs the plot shows (drawDesignMarks), for their legend entries. */
interface ShownDesigns { current: boolean; pinned: boolean }

/** The legend, its rows wrapped to `width`; returns how many rows it took. */
function legend(colour: (name: string) => string, text: FigureText, y: number, width: number, encoding: PointEncoding | null, designs: ShownDesigns): { g: SVGGElement; rows: number } {
  const g = el('g', { transform: `translate(${MARGIN.left},${y})`, 'font-size': 12, 'font-family': 'system-ui, sans-serif', fill: colour('--text') });
  const items: [SVGElement, string][] = [
    [el('rect', { x: 0, y: -4, width: 7, height: 7, fill: colour('--cloud'), 'fill-opacity': 0.75 }), 'Design point'],
    [el('path', { d: 'M3.5 -6 L8 0.5 L3.5 7 L-1 0.5 Z', fill: colour('--front') }), text.front ?? 'Pareto front (both objectives minimised)'],
  ];
  if (designs.current) items.push([el('path', { d: DESIGN_STAR_PATH, transform: 'translate(3.5,0) scale(0.7)', fill: colour('--ok') }), 'Current design']);
  if (designs.pinned) items.push([el('path', { d: DESIGN_RING_PATH, transform: 'translate(3.5,0) scale(0.75)', fill: colour('--series-4') }), 'Pinned design']);
  if (text.selected > 0) items.push([el('rect', { x: 0, y: -4, width: 8, height: 8, fill: colour('--accent') }), `Selected (${text.selected.toLocaleString('en-US')})`]);
  if (text.overlay) items.push([el('rect', { x: 0, y: -4, width: 7, height: 7, fill: colour('--series-2'), 'fill-opacity': 0.7 }), `Overlay: ${text.overlay}`]);
  // Colour and size by, on a second row: their ranges are long.
  const second: [SVGElement, string][] = [];
  if (encoding?.colour) {
    // The eight bins, low to high, as a small bar before the range.
    const bar = el('g', {});
    COLOUR_BIN_HEX.forEach((hex, b) => bar.appendChild(el('rect', { x: b * 1.5 - 3, y: -4, width: 1.5, height: 8, fill: hex })));
    second.push([bar, `Colour: ${channelRangeText(encoding.colour)}`]);
  }
  if (encoding?.size) second.push([el('rect', { x: 0, y: -5, width: 10, height: 10, fill: colour('--cloud'), 'fill-opacity': 0.75 }), `Size: ${channelRangeText(encoding.size)}`]);
  let row = -1;
  for (const group of [items, second].filter((r) => r.length > 0)) {
    let x = 0;
    row++;
    for (const [mark, label] of group) {
      const itemWidth = 24 + label.length * 6.6;
      if (x > 0 && x + itemWidth > width) [x, row] = [0, row + 1];
      const item = el('g', { transform: `translate(${x},${row * LEGEND_ROW_H})` });
      item.append(mark, el('text', { x: 14, y: 4 }, label));
      g.appendChild(item);
      x += itemWidth;
    }
  }
  return { g, rows: row + 1 };
}

/** The figure as an SVG element; `rasterHref` embeds the cloud when it has no vector marks. */
function figure(engine: PlotEngine, text: FigureText, cloud: CloudExport, rasterHref: string | null): SVGSVGElement {
  const { svg, root } = engine.els;
  const style = getComputedStyle(root);
  const colour = (name: string) => style.getPropertyValue(name).trim() || '#000000';
  const width = Number(svg.getAttribute('width'));
  const plotHeight = Number(svg.getAttribute('height'));
  const designs = { current: !!svg.querySelector('.design-mark.current'), pinned: !!svg.querySelector('.design-mark.pinned') };
  const key = legend(colour, text, TITLE_H + plotHeight + LEGEND_H / 2, width - MARGIN.left - MARGIN.right, engine.encoding, designs);
  const height = TITLE_H + plotHeight + LEGEND_H + (key.rows - 1) * LEGEND_ROW_H;
  const out = el('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}` });
  out.appendChild(el('rect', { width, height, fill: colour('--surface') }));
  const font = 'system-ui, sans-serif';
  out.appendChild(el('text', { x: MARGIN.left, y: 20, 'font-size': 15, 'font-weight': 600, 'font-family': font, fill: colour('--text') }, text.title));
  out.appendChild(el('text', { x: MARGIN.left, y: 38, 'font-size': 12, 'font-family': font, fill: colour('--muted') }, text.subtitle));
  const body = el('g', { transform: `translate(0,${TITLE_H})` });
  const area = el('g', { transform: `translate(${MARGIN.left},${MARGIN.top})` });
  if (cloud.marks && !text.overlay) {
    area.appendChild(el('path', { d: cloud.marks.cloud, fill: colour('--cloud'), 'fill-opacity': 0.7 }));
    if (cloud.marks.selection) area.appendChild(el('path', { d: cloud.marks.selection, fill: colour('--accent'), 'fill-opacity': 0.85 }));
  } else if (rasterHref) {
    area.appendChild(el('image', { href: rasterHref, width: cloud.width, height: cloud.height }));
  }
  body.append(area, inlinedPlot(svg));
  out.append(body, key.g);
  return out;
}

/** Standalone SVG text of the figure. */
export function plotSvg(engine: PlotEngine, text: FigureText): string {
  const cloud = engine.exportCloud(2, FIGURE_VECTOR_POINTS);
  // An overlay is in the raster only (vector marks cover the current sweep alone).
  const href = cloud.marks && !text.overlay ? null : cloud.raster.toDataURL('image/png');
  return new XMLSerializer().serializeToString(figure(engine, text, cloud, href));
}

/** PNG of the figure at `scale` device pixels per CSS pixel (at least 2). */
export async function plotPng(engine: PlotEngine, text: FigureText): Promise<Blob> {
  const scale = Math.max(2, window.devicePixelRatio || 1);
  // Vector marks would be rasterised anyway: the cloud at the figure's own scale is the same picture, faster.
  const cloud = engine.exportCloud(scale, 0);
  const svg = figure(engine, text, { ...cloud, marks: null }, cloud.raster.toDataURL('image/png'));
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const out = document.createElement('canvas');
  out.width = Math.round(width * scale);
  out.height = Math.round(height * scale);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await img.decode();
  out.getContext('2d')!.drawImage(img, 0, 0, out.width, out.height);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function download(name: string, data: Blob | string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
