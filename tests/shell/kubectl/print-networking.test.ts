import { describe, expect, test } from "vitest";
import type { Endpoints, Service } from "@/lib/sim/objects/kinds";
import { formatEndpointsAddresses, formatServiceExternalIP, formatServicePorts } from "@/lib/shell/kubectl/print-networking";

const meta = { name: "web", namespace: "default", uid: "u", resourceVersion: "1", creationTimestamp: "2025-05-01T09:00:00Z" };
const service = (spec: Service["spec"], status?: Service["status"]) => ({ apiVersion: "v1", kind: "Service", metadata: meta, spec, status }) as Service;
const endpoints = (subsets: Endpoints["subsets"]) => ({ apiVersion: "v1", kind: "Endpoints", metadata: meta, subsets }) as Endpoints;

/** Cells as kubernetes/kubernetes pkg/printers/internalversion/printers.go computes them. */
describe("service cells", () => {
  test.each([
    ["ClusterIP", service({ type: "ClusterIP" }), "<none>"],
    ["LoadBalancer waiting for an address", service({ type: "LoadBalancer" }), "<pending>"],
    ["LoadBalancer with an address", service({ type: "LoadBalancer" }, { loadBalancer: { ingress: [{ ip: "203.0.113.10" }] } }), "203.0.113.10"],
    ["ExternalName", service({ type: "ExternalName", externalName: "db.example.com" }), "db.example.com"],
    ["externalIPs on a ClusterIP Service", service({ type: "ClusterIP", externalIPs: ["198.51.100.1"] }), "198.51.100.1"],
  ])("EXTERNAL-IP of %s", (_label, svc, expected) => {
    expect(formatServiceExternalIP(svc)).toBe(expected);
  });

  test.each([
    ["a plain port", service({ ports: [{ port: 80, protocol: "TCP" }] }), "80/TCP"],
    ["a NodePort", service({ ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }] }), "80:30080/TCP"],
    ["several ports", service({ ports: [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }] }), "53/UDP,53/TCP"],
    ["no ports", service({}), "<none>"],
  ])("PORT(S) of %s", (_label, svc, expected) => {
    expect(formatServicePorts(svc)).toBe(expected);
  });
});

describe("ENDPOINTS", () => {
  const address = (ip: string) => ({ ip });
  test.each([
    ["no subsets", endpoints(undefined), "<none>"],
    ["two ready addresses", endpoints([{ addresses: [address("10.244.1.7"), address("10.244.2.4")], ports: [{ port: 8080 }] }]), "10.244.1.7:8080,10.244.2.4:8080"],
    ["more than three", endpoints([{ addresses: ["1", "2", "3", "4", "5"].map((n) => address(`10.0.0.${n}`)), ports: [{ port: 80 }] }]), "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more..."],
    ["only not-ready addresses", endpoints([{ notReadyAddresses: [address("10.0.0.9")], ports: [{ port: 80 }] }]), ""],
    ["a headless subset without ports", endpoints([{ addresses: [address("10.0.0.1")] }]), "10.0.0.1"],
  ])("%s", (_label, eps, expected) => {
    expect(formatEndpointsAddresses(eps)).toBe(expected);
  });
});
