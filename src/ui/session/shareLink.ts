/**
 * What the user is told after "Copy link": whether it reached the clipboard,
 * how long it is, and a warning when it is long enough to be cut off by chat
 * apps and email clients (the reason session files exist).
 */

/** Links longer than this are flagged; a BERT-Base + server view is far below it. */
export const LONG_LINK_CHARS = 2000;
/** A clipboard write that has not settled by then is treated as refused (some headless browsers never answer). */
export const CLIPBOARD_TIMEOUT_MS = 1500;

export interface LinkReport {
  status: string;
  warning: string | null;
}

/** `copied`: true = on the clipboard, false = refused, null = still trying. */
export function describeLink(length: number, copied: boolean | null): LinkReport {
  const chars = `${length.toLocaleString('en-US')} characters`;
  const status =
    copied === null ? `Copying the link (${chars})…`
    : copied ? `Link copied to the clipboard (${chars}).`
    : `The browser did not allow copying: select the link below and copy it yourself (${chars}).`;
  const warning = length > LONG_LINK_CHARS
    ? `This link is long: some chat apps and email clients cut links over ${LONG_LINK_CHARS.toLocaleString('en-US')} characters. “Download session” saves the same view as a file.`
    : null;
  return { status, warning };
}

/** Writes to the clipboard; resolves false when the API is missing, refused or silent. */
export async function copyToClipboard(text: string, clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
  if (!clipboard) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), CLIPBOARD_TIMEOUT_MS); });
  try {
    return await Promise.race([clipboard.writeText(text).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
