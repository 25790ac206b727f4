import { describe, expect, it } from 'vitest';
import { copyToClipboard, describeLink, LONG_LINK_CHARS } from './shareLink.ts';

describe('share link report', () => {
  it('states the length and whether the copy worked', () => {
    expect(describeLink(812, true)).toEqual({ status: 'Link copied to the clipboard (812 characters).', warning: null });
    expect(describeLink(812, false).status).toMatch(/did not allow copying: select the link below/);
    expect(describeLink(812, null).status).toMatch(/Copying/);
  });

  it('warns only past the long-link threshold', () => {
    expect(describeLink(LONG_LINK_CHARS, true).warning).toBeNull();
    expect(describeLink(LONG_LINK_CHARS + 1, true).warning).toMatch(/Download session/);
  });

  it('reports a refused, missing or silent clipboard as not copied', async () => {
    expect(await copyToClipboard('x', { writeText: () => Promise.resolve() })).toBe(true);
    expect(await copyToClipboard('x', { writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) })).toBe(false);
    expect(await copyToClipboard('x', undefined)).toBe(false);
  });
});
