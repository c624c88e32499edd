// `npm run content:check [-- CONTENT_DIR]`: validates the course index, every lesson's frontmatter and
// MDX, every exercise definition and its proof (solution passes, starter and known-wrong answers fail),
// and prints each problem as `file:line: message`. Exit code 0 only when nothing is wrong.
import path from "node:path";
import { checkContent } from "@/lib/content/check-content";
import { formatContentError } from "@/lib/content/content-error";

async function main(): Promise<number> {
  const contentDir = path.resolve(process.argv[2] ?? "content");
  const started = performance.now();
  const report = await checkContent(contentDir);
  for (const error of report.errors) console.error(formatContentError(error));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`content: ${report.lessons} lessons and ${report.exercises} exercises checked, ${report.errors.length} problems (${seconds} s)`);
  return report.errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
