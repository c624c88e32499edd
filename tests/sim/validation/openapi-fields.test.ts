import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { buildOpenApiFields, renderOpenApiFields } from "./build-openapi-fields";

const ROOT = path.resolve(__dirname, "../../..");
const TARGET = path.join(ROOT, "lib/sim/validation/openapi-fields.ts");

describe("openapi-fields.ts", () => {
  test("matches the field lists kubernetes-models 4.5 publishes", () => {
    const rendered = renderOpenApiFields(buildOpenApiFields(ROOT));
    if (process.env.UPDATE_OPENAPI_FIELDS === "1") writeFileSync(TARGET, rendered);
    expect(readFileSync(TARGET, "utf8")).toBe(rendered);
  });
});
