/** The page: a header with the search bar and the views, and the view the URL names. */
import "./styles.css";
import { h, replace } from "./dom";
import { initialLang, lang, setLang, t, type Label } from "./i18n";
import { type Route, setNavigator, type View } from "./router";
import { errorBox, link, loading } from "./ui";

const ROUTES: Route[] = [
  { name: "home", pattern: /^\/$/, load: async () => (await import("./views/home")).homeView },
  { name: "search", pattern: /^\/search$/, load: async () => (await import("./views/search")).searchView },
  {
    name: "timeline",
    pattern: /^\/timeline$/,
    load: async () => (await import("./views/timeline")).timelineView,
  },
  {
    name: "network",
    pattern: /^\/network$/,
    load: async () => (await import("./views/network")).networkView,
  },
  {
    name: "event",
    pattern: /^\/event\/([^/]+)$/,
    load: async () => (await import("./views/event")).eventView,
  },
  {
    name: "doc",
    pattern: /^\/doc\/([^/]+)$/,
    load: async () => (await import("./views/document")).documentView,
  },
  { name: "quotes", pattern: /^\/quotes$/, load: async () => (await import("./views/quotes")).quotesView },
  {
    name: "relations",
    pattern: /^\/relations$/,
    load: async () => (await import("./views/relations")).relationsView,
  },
  {
    name: "documents",
    pattern: /^\/documents$/,
    load: async () => (await import("./views/documents")).documentsView,
  },
  {
    name: "actor",
    pattern: /^\/actor\/([^/]+)$/,
    load: async () => (await import("./views/actor")).actorView,
  },
  { name: "add", pattern: /^\/add$/, load: async () => (await import("./views/add")).addView },
];

const NAV: [string, Label, string][] = [
  ["/timeline", "timeline", "timeline"],
  ["/network", "network", "network"],
  ["/relations", "relations", "relations"],
  ["/quotes", "quotes", "quotes"],
  ["/documents", "documents", "documents"],
  ["/add", "add", "add"],
];

const app = document.getElementById("app")!;
const main = h("main", { id: "view", tabindex: "-1" });
let controller: AbortController | null = null;

function header(url: URL, active: string): HTMLElement {
  const input = h("input", {
    type: "search",
    name: "q",
    id: "search-input",
    placeholder: t("searchPlaceholder"),
    "aria-label": t("search"),
    autocomplete: "off",
    maxlength: "500",
    value: url.pathname === "/search" ? (url.searchParams.get("q") ?? "") : "",
  });
  const form = h(
    "form",
    {
      class: "search-bar",
      role: "search",
      action: "/search",
      on: {
        submit: (e: Event) => {
          e.preventDefault();
          const q = input.value.trim();
          if (q) go(`/search?${new URLSearchParams({ q }).toString()}`);
        },
      },
    },
    input,
    h("button", { type: "submit" }, t("search")),
  );
  const toggle = h(
    "button",
    {
      type: "button",
      class: "lang",
      "data-testid": "lang",
      on: {
        click: () => {
          setLang(lang() === "ja" ? "en" : "ja");
          const u = new URL(window.location.href);
          u.searchParams.set("lang", lang());
          history.replaceState(null, "", `${u.pathname}${u.search}`);
          void render();
        },
      },
    },
    t("language"),
  );
  return h(
    "header",
    { class: "top" },
    h("div", { class: "brand-row" }, link("/", { class: "brand" }, t("appName")), toggle),
    form,
    h(
      "nav",
      { "aria-label": "views" },
      NAV.map(([href, label, name]) =>
        link(href, { class: name === active ? "active" : "", "data-testid": `nav-${name}` }, t(label)),
      ),
    ),
  );
}

function go(href: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, "", href);
  else history.pushState(null, "", href);
  void render();
  if (!opts.replace) window.scrollTo(0, 0);
}

async function render(): Promise<void> {
  controller?.abort();
  const ctl = new AbortController();
  controller = ctl;
  const url = new URL(window.location.href);
  const route = ROUTES.find((r) => r.pattern.test(url.pathname));
  replace(
    app,
    header(url, route?.name ?? ""),
    main,
    h(
      "footer",
      null,
      h("a", { href: "/api/openapi.json" }, "OpenAPI"),
      " · ",
      h("span", { class: "muted" }, t("tagline")),
    ),
  );
  replace(main, loading());
  main.removeAttribute("data-ready");
  if (!route) {
    replace(main, h("p", { class: "error" }, t("notFound")));
    return;
  }
  const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
  try {
    const view: View = await route.load();
    if (ctl.signal.aborted) return;
    // the view draws into a container already on the page: charts and graphs need its size
    const root = h("div", { class: `view view-${route.name}` }, loading());
    replace(main, root);
    await view({ root, url, params, navigate: go, signal: ctl.signal });
    if (ctl.signal.aborted) return;
    main.setAttribute("data-ready", route.name);
    document.dispatchEvent(new CustomEvent("kaidan:view", { detail: route.name }));
  } catch (e) {
    if (ctl.signal.aborted || (e instanceof DOMException && e.name === "AbortError")) return;
    replace(main, errorBox(e));
    main.setAttribute("data-ready", "error");
  }
}

setLang(initialLang(new URL(window.location.href)));
setNavigator(go);
window.addEventListener("popstate", () => void render());
void render();
