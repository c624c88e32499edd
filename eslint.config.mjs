import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The pure core must run unchanged in the browser and in Node: no UI, framework, database or Node-only imports.
const PURE_CORE_FORBIDDEN = [
  { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "lib/sim, lib/grader and lib/shell are pure: no React." },
  { group: ["next", "next/*"], message: "lib/sim, lib/grader and lib/shell are pure: no Next.js." },
  { group: ["@prisma/*", "@/lib/db", "@/lib/db/*", "server-only"], message: "lib/sim, lib/grader and lib/shell are pure: no database." },
  { group: ["@xterm/*", "@codemirror/*", "codemirror"], message: "lib/sim, lib/grader and lib/shell are pure: no DOM widgets." },
  { group: ["@/components/*", "@/app/*"], message: "lib/sim, lib/grader and lib/shell may not depend on the UI." },
  { group: ["node:*", "fs", "fs/*", "path", "os", "child_process", "crypto", "http", "https", "net", "url", "util", "stream", "buffer", "process"], message: "lib/sim, lib/grader and lib/shell are pure: no Node-only APIs." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "next-env.d.ts", "lib/generated/**", "coverage/**", "data/**"],
  },
  {
    files: ["lib/sim/**/*.ts", "lib/grader/**/*.ts", "lib/shell/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: PURE_CORE_FORBIDDEN }],
      "no-restricted-globals": ["error", "window", "document", "localStorage", "sessionStorage", "navigator", "process", "Buffer", "require"],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
