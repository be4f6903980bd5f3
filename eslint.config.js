// ESLint (flat config) with typescript-eslint; formatting is Prettier's job.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "web/dist/", "artifacts/", "coverage/", "scripts/tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-control-regex": "off",
      "no-irregular-whitespace": "off",
    },
  },
  {
    // the web page: browser globals, and no way to turn data into HTML (article text is untrusted)
    files: ["web/src/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-properties": [
        "error",
        ...[
          "innerHTML",
          "outerHTML",
          "insertAdjacentHTML",
          "createContextualFragment",
          "write",
          "writeln",
        ].map((property) => ({
          property,
          message: "build elements with h() and text nodes (web/src/dom.ts)",
        })),
      ],
      "no-restricted-globals": ["error", { name: "eval", message: "no eval" }],
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
);
