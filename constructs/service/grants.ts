/** An IAM statement a dependency grants to the service that uses it. */
export interface Grant {
  readonly actions: string[];
  readonly resources: string[];
}

/** Connection details a dependency hands to the service, as environment variables. */
export interface Connection {
  /** Outputs by Score name (host, port, name, username, bucket, url...). */
  readonly outputs: Record<string, string>;
  readonly grants: Grant[];
  /** TCP ports the service must reach inside the VPC. */
  readonly ports: number[];
}

/** A dependency a Service can wire: it says how to connect and what to grant. */
export interface IServiceDependency {
  connection(): Connection;
}
