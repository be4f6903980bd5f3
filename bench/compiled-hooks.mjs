/** Module hooks of bench/compiled.mjs: a module of src/ resolves to its compiled file in dist/. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const src = new URL("../src/", import.meta.url).href;
const dist = new URL("../dist/", import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith(src)) return resolved;
  const compiled = dist + resolved.url.slice(src.length).replace(/\.ts$/, ".js");
  if (!existsSync(fileURLToPath(compiled)))
    throw new Error(`${fileURLToPath(compiled)} is missing: build first (npm run build)`);
  return { url: compiled, format: "module", shortCircuit: true };
}
