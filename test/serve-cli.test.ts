/**
 * `kaidan serve` and `kaidan demo` as a user runs them (the built command):
 * the URL printed, the page and the API answering there, the token from the
 * environment, a token too short refused, and `demo --no-serve` for scripts.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { projectRoot } from "./helpers/shared.js";

const bin = join(projectRoot, "dist", "cli", "main.js");

/** Starts the command and resolves with the URL it prints. */
function started(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => reject(new Error(`exited ${code} before serving: ${err}`)));
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });

describe("kaidan demo and kaidan serve", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaidan-serve-cli-"));
  const db = join(dir, "demo.db");

  it("demo --no-serve ingests the examples and stops", () => {
    const r = spawnSync(process.execPath, [bin, "demo", "--no-serve", "--db", db], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const d = new Database(db, { readonly: true });
    try {
      const n = (d.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
      assert.ok(n >= 10, `${n} documents`);
      assert.equal((d.prepare("SELECT count(*) AS n FROM search_docs").get() as { n: number }).n, n);
    } finally {
      d.close();
    }
  });

  it("serve prints its URL, serves the page and the API there, and stops on SIGTERM", async () => {
    const { child, url } = await started(["serve", "--db", db, "--port", "0"]);
    try {
      const info = (await (await fetch(`${url}api/info`)).json()) as { documents: number; writable: boolean };
      assert.ok(info.documents >= 10, `${info.documents} documents`);
      assert.equal(info.writable, false);
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="app">/);
      const write = await fetch(`${url}api/documents`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "x" }),
      });
      assert.equal(write.status, 403);
    } finally {
      assert.equal(await stopped(child), 0);
    }
  });

  it("takes the token from $KAIDAN_TOKEN, and refuses a short one", async () => {
    const token = "env-token-abcdefghijklmnop";
    const { child, url } = await started(["serve", "--db", db, "--port", "0"], { KAIDAN_TOKEN: token });
    try {
      assert.equal(((await (await fetch(`${url}api/info`)).json()) as { writable: boolean }).writable, true);
      const denied = await fetch(`${url}api/documents`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer wrong-token-abcdefghijk" },
        body: JSON.stringify({ text: "x" }),
      });
      assert.equal(denied.status, 403);
    } finally {
      await stopped(child);
    }
    const short = spawnSync(process.execPath, [bin, "serve", "--db", db, "--port", "0", "--token", "abc"], {
      encoding: "utf8",
    });
    assert.notEqual(short.status, 0);
    assert.match(short.stderr, /at least 16 characters/);
  });
});
