/** How a service names and describes itself in logs, traces and its OpenAPI document. */
export interface ServiceDescription {
  /** e.g. "issuance" */
  name: string;
  version: string;
  title: string;
  description: string;
}
