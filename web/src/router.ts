/** Views by path; every view and filter lives in the URL, so any state of the page is a link. */

export interface ViewContext {
  root: HTMLElement;
  url: URL;
  /** The path's captures (an event id, a document id). */
  params: string[];
  navigate(href: string, opts?: { replace?: boolean }): void;
  /** Aborted when the user goes elsewhere before the view is done. */
  signal: AbortSignal;
}

export type View = (ctx: ViewContext) => Promise<void>;

export interface Route {
  name: string;
  pattern: RegExp;
  load: () => Promise<View>;
}

let navigateImpl: (href: string, opts?: { replace?: boolean }) => void = (href) => {
  window.location.href = href;
};

export function setNavigator(fn: typeof navigateImpl): void {
  navigateImpl = fn;
}

export const navigate = (href: string, opts?: { replace?: boolean }) => navigateImpl(href, opts);

/** The URL of the current view with some parameters changed (empty values removed). */
export function withParams(url: URL, changes: Record<string, string | null | undefined>): string {
  const u = new URL(url.href);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return `${u.pathname}${u.search}`;
}
