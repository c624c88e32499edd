import { describe, expect, test } from "vitest";
import { formatTable } from "@/lib/shell/format/format-table";
import { humanDuration } from "@/lib/shell/format/human-duration";

describe("formatTable (kubectl's tabwriter: minwidth 6, padding 3)", () => {
  test.each([
    {
      // https://docs.altlinux.org/ru-RU/archive/9.0/html/alt-server-v/ch55s02.html (`kubectl get svc nginx`)
      label: "kubectl get svc for a NodePort Service",
      golden: ["NAME    TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE", "nginx   NodePort   10.105.18.148   <none>        80:30723/TCP   7s"],
    },
    {
      // https://pastebin.com/acrFcq4i (`kubectl --namespace=kube-system get svc`, an older kubectl without TYPE)
      label: "kubectl get svc with multi-port cells",
      golden: [
        "NAME                    CLUSTER-IP       EXTERNAL-IP   PORT(S)                         AGE",
        "elasticsearch-logging   10.254.246.134   <none>        9200/TCP                        2d",
        "kube-dns                10.254.0.10      <none>        53/UDP,53/TCP                   2d",
        "monitoring-influxdb     10.254.129.245   <nodes>       8083:31137/TCP,8086:32375/TCP   3d",
      ],
    },
  ])("$label", ({ golden }) => {
    const rows = golden.map((line) => line.split(/ {2,}/));
    expect(formatTable(rows)).toBe(golden.map((l) => `${l}\n`).join(""));
  });

  test("narrow columns are at least six wide", () => {
    expect(formatTable([["A", "B"], ["x", "y"]])).toBe("A     B\nx     y\n");
  });

  test("no rows, no output", () => {
    expect(formatTable([])).toBe("");
  });
});

describe("humanDuration (apimachinery duration.HumanDuration)", () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  test.each([
    { label: "clock skew of -1s is now", ms: -1 * s, want: "0s" },
    { label: "more skew is invalid", ms: -3 * s, want: "<invalid>" },
    { label: "seconds under two minutes", ms: 119 * s, want: "119s" },
    { label: "minutes and seconds under ten minutes", ms: 5 * m + 30 * s, want: "5m30s" },
    { label: "whole minutes", ms: 5 * m, want: "5m" },
    { label: "minutes under three hours", ms: 179 * m, want: "179m" },
    { label: "hours and minutes under eight hours", ms: 3 * h + 5 * m, want: "3h5m" },
    { label: "hours under two days", ms: 47 * h, want: "47h" },
    { label: "days and hours under eight days", ms: 3 * d + 4 * h, want: "3d4h" },
    { label: "days under two years", ms: 400 * d, want: "400d" },
    { label: "years and days under eight years", ms: (365 * 3 + 10) * d, want: "3y10d" },
    { label: "years", ms: 365 * 9 * d, want: "9y" },
  ])("$label → $want", ({ ms, want }) => {
    expect(humanDuration(ms)).toBe(want);
  });
});
