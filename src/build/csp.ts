/**
 * The Content-Security-Policy of the built app, in one place: `index.html` gets
 * it as a `<meta>` tag at build time (not in dev, where Vite's React refresh
 * needs an inline script) and `npm start` (vite preview) sends it as a header,
 * with the directives a meta tag cannot carry (`frame-ancestors`).
 *
 * No inline script, no eval; scripts, workers and WebAssembly only from this
 * origin (`'wasm-unsafe-eval'` lets tfjs's wasm backend compile its .wasm).
 * Blob URLs are allowed for images only (PNG export previews); downloads are
 * navigations and need none.
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'manifest-src': ["'self'"],
};

/** Only valid in a header: a meta tag cannot say who may frame the page. */
const HEADER_ONLY: Record<string, string[]> = { 'frame-ancestors': ["'none'"] };

const serialise = (d: Record<string, string[]>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');

export const CSP_META = serialise(CSP_DIRECTIVES);
export const CSP_HEADER = serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY });

/** Headers `vite preview` sends with every response. */
export const PREVIEW_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Puts the policy first in `<head>` of the built index.html, so it covers every script after it. */
export function cspMeta(): Plugin {
  return {
    name: 'transcode:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html)) throw new Error('index.html has an inline <script>, which the Content-Security-Policy forbids');
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }];
      },
    },
  };
}
