/** The JSON API, from the page: same origin, no credentials beyond the write token when one is given. */
import type { EventSummary } from "./types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined | null>;

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function parse<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export async function get<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api/${path}${query(params)}`, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
    ...(signal ? { signal } : {}),
  });
  return parse<T>(res);
}

export async function post<T>(path: string, body: BodyInit, token: string, json: boolean): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", Authorization: `Bearer ${token}` };
  if (json) headers["Content-Type"] = "application/json";
  const res = await fetch(`/api/${path}`, { method: "POST", body, headers, credentials: "same-origin" });
  return parse<T>(res);
}

/** Encodes one path segment (ids may hold # or /). */
export const seg = (s: string) => encodeURIComponent(s);

const MAX_EVENTS = 5000;

/** Every event a filter selects (up to 5000), page by page. */
export async function allEvents(
  params: Record<string, string>,
  signal: AbortSignal,
): Promise<EventSummary[]> {
  const items: EventSummary[] = [];
  let after: string | undefined;
  do {
    const page = await get<{ items: EventSummary[]; next?: string }>(
      "events",
      { ...params, limit: 1000, after },
      signal,
    );
    items.push(...page.items);
    after = page.next;
  } while (after && items.length < MAX_EVENTS);
  return items;
}
