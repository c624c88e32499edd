import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadAllExercises } from "@/lib/content/exercise-files";
import { gradeSubmission } from "@/lib/grader/grade-submission";
import { exerciseDefinitionSchema } from "@/lib/grader/exercise-definition";

const exercises = loadAllExercises(path.join(process.cwd(), "content"));
const exercise = (id: string) => exercises.get(id)!;

describe("gradeSubmission", () => {
  test("checks come back in authored order with pass/fail per check", () => {
    const ex = exercise("fix-service-selector");
    const result = gradeSubmission(ex, ex.starter);
    expect(result.checks.map((c) => c.id)).toEqual(ex.checks.map((c) => c.id));
    expect(result.status).toBe("fail");
    expect(result.checks.find((c) => c.id === "service-applies")?.status).toBe("pass");
  });

  test("a selector that matches nothing points at spec.selector and names the labels the pods have", () => {
    const ex = exercise("fix-service-selector");
    const check = gradeSubmission(ex, ex.starter).checks.find((c) => c.id === "endpoints-list-backend-pods")!;
    expect(check.status).toBe("fail");
    expect(check.position?.line).toBe(7);
    expect(check.counterexample).toContain("<none>");
    expect(check.advice).toContain("app=my-backend");
  });

  test("an allowed flow that must be denied carries a counterexample naming the flow", () => {
    const ex = exercise("db-access-policy");
    const wrong = ex.wrongAnswers.find((w) => w.fails === "frontend-blocked-from-db" && w.yaml.includes("podSelector: {}"))!;
    const check = gradeSubmission(ex, wrong.yaml).checks.find((c) => c.id === "frontend-blocked-from-db")!;
    expect(check.status).toBe("fail");
    expect(check.message).toMatch(/production\/frontend → postgres-db:5432 is ALLOWED but must be DENIED/);
    expect(check.advice).toContain("podSelector: {}");
  });

  test("an invalid object fails `applies` at the offending line with the API server's wording", () => {
    const ex = exercise("expose-nodeport");
    const wrong = ex.wrongAnswers.find((w) => w.fails === "service-applies")!;
    const result = gradeSubmission(ex, wrong.yaml);
    const applies = result.checks.find((c) => c.id === "service-applies")!;
    expect(applies.status).toBe("fail");
    expect(applies.message).toContain("spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767");
    expect(applies.position?.line).toBe(13);
    expect(result.diagnostics[0].position?.line).toBe(13);
  });

  test("YAML that does not parse is a diagnostic with a line, not an exception", () => {
    const ex = exercise("fix-service-selector");
    const result = gradeSubmission(ex, "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");
    expect(result.status).toBe("fail");
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics[0].position?.line).toBeGreaterThanOrEqual(4);
  });

  test("a broken scenario grades as error, never throws", () => {
    const broken = exerciseDefinitionSchema.parse({
      ...exercise("fix-service-selector"),
      id: "broken",
      scenario: { cni: "calico", addons: [], namespace: "default", manifests: "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  namespace: nowhere\nspec:\n  ports: [{port: 80}]\n" },
    });
    const result = gradeSubmission(broken, broken.solution);
    expect(result.status).toBe("error");
    expect(result.diagnostics[0].message).toContain("scenario");
  });

  test("the same YAML under Flannel is stored but not enforced", () => {
    const ex = exercise("same-policy-two-cnis");
    const result = gradeSubmission(ex, ex.solution);
    expect(result.checks.find((c) => c.id === "calico-web-blocked")?.status).toBe("pass");
    expect(result.checks.find((c) => c.id === "flannel-web-still-reaches-db")?.status).toBe("pass");
  });

  test("grading is deterministic", () => {
    const ex = exercise("api-ingress-tls");
    expect(JSON.stringify(gradeSubmission(ex, ex.solution))).toBe(JSON.stringify(gradeSubmission(ex, ex.solution)));
  });
});
