import type { Kind } from "@/lib/sim/objects/kinds";
import type { TablePrinter } from "./table-printer";
import { CONFIG_MAP_PRINTER, DEPLOYMENT_PRINTER, NAMESPACE_PRINTER, NODE_PRINTER, POD_PRINTER, REPLICA_SET_PRINTER, SECRET_PRINTER } from "./print-workloads";
import {
  CERTIFICATE_PRINTER,
  ENDPOINT_SLICE_PRINTER,
  ENDPOINTS_PRINTER,
  INGRESS_CLASS_PRINTER,
  INGRESS_PRINTER,
  ISSUER_PRINTER,
  NETWORK_POLICY_PRINTER,
  SERVICE_PRINTER,
} from "./print-networking";

/** Which printer `kubectl get` uses for each kind. */
export const TABLE_PRINTERS: Readonly<Record<Kind, TablePrinter>> = {
  Namespace: NAMESPACE_PRINTER,
  Node: NODE_PRINTER,
  Pod: POD_PRINTER,
  Service: SERVICE_PRINTER,
  Endpoints: ENDPOINTS_PRINTER,
  EndpointSlice: ENDPOINT_SLICE_PRINTER,
  Secret: SECRET_PRINTER,
  ConfigMap: CONFIG_MAP_PRINTER,
  Deployment: DEPLOYMENT_PRINTER,
  ReplicaSet: REPLICA_SET_PRINTER,
  Ingress: INGRESS_PRINTER,
  IngressClass: INGRESS_CLASS_PRINTER,
  NetworkPolicy: NETWORK_POLICY_PRINTER,
  ClusterIssuer: ISSUER_PRINTER,
  Issuer: ISSUER_PRINTER,
  Certificate: CERTIFICATE_PRINTER,
};
