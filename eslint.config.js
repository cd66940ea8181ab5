import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const importsFrom = (folders, message) =>
  folders.map((folder) => ({ group: [`**/${folder}/**`, `*/${folder}/**`], message }));

export default tseslint.config(
  { ignores: ["dist", "data", "node_modules", "test-results", "playwright-report", "bench/results"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["src/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@tanstack/query": pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
    },
  },
  {
    files: ["src/contract/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: importsFrom(["web", "server"], "The contract is pure: it imports nothing of ours.") },
      ],
    },
  },
  {
    files: ["src/web/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: importsFrom(["server"], "The dashboard speaks to the server only through the contract."),
        },
      ],
    },
  },
  {
    files: ["src/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: importsFrom(["web"], "The server never imports the dashboard.") },
      ],
    },
  },
);
