import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';

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
  /** Its catalog entity, e.g. `resource:payments-ledger-db-prod`, for the Service's `dependsOn`. */
  readonly entityRef: string;
  connection(): Connection;
}

/** An IAM policy document that grants exactly these permissions. */
export function grantsDocument(grants: readonly Grant[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: grants.map((g) => ({ Effect: 'Allow', Action: g.actions, Resource: g.resources })) });
}

/**
 * Grant a role made elsewhere (a Lambda's, another team's IRSA role) what a dependency's
 * users need, as an inline policy: the same least-privilege statements a Service gets.
 */
export function grantDependency(scope: Construct, id: string, roleName: string, dependency: IServiceDependency): IamRolePolicy {
  return new IamRolePolicy(scope, id, { role: roleName, name: id, policy: grantsDocument(dependency.connection().grants) });
}
