/**
 * The plot as a standalone SVG (axes and overlays as vectors, the cloud as an
 * embedded PNG image) or as a PNG (the cloud canvas, then the serialised SVG
 * drawn on top). Colours come from CSS variables, so they are inlined from the
 * computed styles; the brush's interaction rectangles are left out.
 */
import { MARGIN } from './plotEngine.ts';

const STYLE_PROPS = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'display', 'fill-opacity'] as const;

function inlinedClone(svg: SVGSVGElement): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = svg.querySelectorAll('*');
  const to = clone.querySelectorAll('*');
  from.forEach((el, k) => {
    const style = getComputedStyle(el);
    const target = to[k] as SVGElement;
    for (const p of STYLE_PROPS) target.style.setProperty(p, style.getPropertyValue(p));
  });
  clone.querySelector('[data-part="brush"]')?.remove();
  clone.querySelector('[data-part="hover"]')?.remove();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return clone;
}

function background(svg: SVGSVGElement, color: string): SVGRectElement {
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', svg.getAttribute('width') ?? '0');
  rect.setAttribute('height', svg.getAttribute('height') ?? '0');
  rect.setAttribute('fill', color);
  return rect;
}

/** SVG text of the plot with the cloud embedded as an image. */
export function plotSvg(svg: SVGSVGElement, canvas: HTMLCanvasElement): string {
  const clone = inlinedClone(svg);
  const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
  image.setAttribute('href', canvas.toDataURL('image/png'));
  image.setAttribute('x', String(MARGIN.left));
  image.setAttribute('y', String(MARGIN.top));
  image.setAttribute('width', canvas.style.width.replace('px', ''));
  image.setAttribute('height', canvas.style.height.replace('px', ''));
  const bg = getComputedStyle(svg).getPropertyValue('--surface').trim() || '#ffffff';
  clone.insertBefore(image, clone.firstChild);
  clone.insertBefore(background(svg, bg), clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** PNG of the plot at the screen's pixel ratio: background, cloud canvas, then the SVG overlay. */
export async function plotPng(svg: SVGSVGElement, canvas: HTMLCanvasElement): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const dpr = canvas.width / Math.max(1, parseFloat(canvas.style.width));
  const out = document.createElement('canvas');
  out.width = Math.round(width * dpr);
  out.height = Math.round(height * dpr);
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = getComputedStyle(svg).getPropertyValue('--surface').trim() || '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, MARGIN.left * dpr, MARGIN.top * dpr);
  const overlay = new XMLSerializer().serializeToString(inlinedClone(svg));
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(overlay)}`;
  await img.decode();
  ctx.drawImage(img, 0, 0, out.width, out.height);
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
