/** Paths to the shared evaluation material, present beside the project in CI. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sharedEval = join(projectRoot, "..", "shared", "eval");
export const seedsDir = join(sharedEval, "seeds");
export const devDir = join(sharedEval, "dev");
export const examplesDir = join(projectRoot, "examples");
export const hasShared = existsSync(seedsDir);
