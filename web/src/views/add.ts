/**
 * Adding articles through the API: paste text or upload files. The write
 * routes need the token the server was started with; it is sent as a bearer
 * token and kept only in this page's memory.
 */
import { get, post } from "../api";
import { h, replace } from "../dom";
import { t } from "../i18n";
import type { View } from "../router";
import type { Info, IngestResult } from "../types";
import { errorBox, link, section } from "../ui";

export const addView: View = async ({ root, signal }) => {
  const info = await get<Info>("info", {}, signal);
  document.title = `${t("add")} — kaidan`;
  const result = h("div", { class: "result", "aria-live": "polite", "data-testid": "ingest-result" });
  const token = h("input", {
    type: "password",
    name: "token",
    autocomplete: "off",
    required: true,
    minlength: "16",
  });
  const show = (r: IngestResult) =>
    replace(
      result,
      h(
        "p",
        null,
        `${t("stored")}: ${r.documents.length} · ${r.events} ${t("events")} · ${r.quotes} ${t("quotes")}`,
      ),
      r.notDiplomacy ? h("p", { class: "muted" }, `${r.notDiplomacy} ${t("notDiplomacy")}`) : null,
      h(
        "ul",
        null,
        r.documents.map((d) =>
          h("li", null, link(`/doc/${encodeURIComponent(d.id)}`, null, d.title ?? d.id), ` (${d.outcome})`),
        ),
      ),
      r.errors.length
        ? h(
            "ul",
            { class: "error" },
            r.errors.map((e) => h("li", null, e)),
          )
        : null,
    );
  const run = async (f: () => Promise<IngestResult>) => {
    replace(result, t("loading"));
    try {
      show(await f());
    } catch (e) {
      replace(result, errorBox(e));
    }
  };
  const field = (label: string, input: HTMLElement) =>
    h("label", { class: "block" }, h("span", null, label), input);
  const paste = h(
    "form",
    {
      on: {
        submit: (e: Event) => {
          e.preventDefault();
          const d = new FormData(e.target as HTMLFormElement);
          const body: Record<string, string> = {};
          for (const k of ["text", "title", "url", "published", "id"]) {
            const v = String(d.get(k) ?? "").trim();
            if (v) body[k] = v;
          }
          void run(() => post<IngestResult>("documents", JSON.stringify(body), token.value, true));
        },
      },
    },
    field(t("title"), h("input", { name: "title", maxlength: "1000" })),
    field(t("url"), h("input", { name: "url", type: "url", placeholder: "https://" })),
    field(
      t("published"),
      h("input", { name: "published", placeholder: "2024-06-19", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }),
    ),
    field(t("text"), h("textarea", { name: "text", rows: "10", required: true })),
    h("button", { type: "submit" }, t("send")),
  );
  const files = h("input", {
    type: "file",
    name: "files",
    multiple: true,
    accept: ".md,.markdown,.txt,.text,.html,.htm,.xhtml,.jsonl,.ndjson",
  });
  const upload = h(
    "form",
    {
      on: {
        submit: (e: Event) => {
          e.preventDefault();
          const fd = new FormData();
          for (const f of files.files ?? []) fd.append("files", f, f.name);
          void run(() => post<IngestResult>("documents/upload", fd, token.value, false));
        },
      },
    },
    field(t("files"), files),
    h("button", { type: "submit" }, t("send")),
  );
  replace(
    root,
    h("h1", null, t("add")),
    info.writable ? null : h("p", { class: "notice", "data-testid": "read-only" }, t("readOnly")),
    field(t("token"), token),
    h("div", { class: "two-col even" }, section(t("paste"), paste), section(t("upload"), upload)),
    result,
  );
};
