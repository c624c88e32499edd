import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  test("defaults: port 3000, SQLite at data/lab.db under the working directory", () => {
    expect(parseEnv({}, "/srv/lab")).toEqual({
      nodeEnv: "development",
      port: 3000,
      databaseUrl: "file:/srv/lab/data/lab.db",
      databaseFile: "/srv/lab/data/lab.db",
      sessionSecret: undefined,
      dataDir: "/srv/lab/data",
    });
  });

  test.each([
    { label: "relative DATABASE_URL", env: { DATABASE_URL: "file:./tmp/x.db" }, file: "/srv/lab/tmp/x.db" },
    { label: "absolute DATABASE_URL", env: { DATABASE_URL: "file:/var/lib/lab/lab.db" }, file: "/var/lib/lab/lab.db" },
    { label: "LAB_DATA_DIR moves the default database", env: { LAB_DATA_DIR: "/var/lab" }, file: "/var/lab/lab.db" },
  ])("$label", ({ env, file }) => {
    expect(parseEnv(env, "/srv/lab")).toMatchObject({ databaseFile: file, databaseUrl: `file:${file}` });
  });

  test.each([
    { label: "a PORT that is not a number", env: { PORT: "web" }, message: "PORT" },
    { label: "a PORT out of range", env: { PORT: "70000" }, message: "PORT" },
    { label: "a non-SQLite DATABASE_URL", env: { DATABASE_URL: "postgres://db/lab" }, message: "DATABASE_URL: must be a file: URL" },
    { label: "a short LAB_SESSION_SECRET", env: { LAB_SESSION_SECRET: "short" }, message: "LAB_SESSION_SECRET: must be at least 32 characters" },
  ])("rejects $label, naming the variable", ({ env, message }) => {
    expect(() => parseEnv(env, "/srv/lab")).toThrow(message);
  });
});
