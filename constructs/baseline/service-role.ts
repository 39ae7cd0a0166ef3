import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { validateAccountId } from './encryption-key';
import { TerraformResource } from '../../src/cdk';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface ServiceRoleProps {
  /** The 12-digit account; the role trusts the service only on behalf of it. */
  readonly accountId: string;
  /** Service principal, e.g. `config.amazonaws.com`. */
  readonly service: string;
  /** Role name. @default - derived from the construct path */
  readonly roleName?: string;
  /** Inline policy statements. @default - none */
  readonly statements?: object[];
  /** AWS-managed policy ARNs to attach. @default - none */
  readonly managedPolicyArns?: string[];
  /** The service also tags its sessions (`sts:TagSession`: EKS Pod Identity and Auto Mode need it). @default false */
  readonly sessionTags?: boolean;
}

/** ServiceRoleProps, checked at runtime. */
const SERVICE_ROLE_PROPS: PropsSchema = {
  accountId: P.string(),
  service: P.string(),
  roleName: opt(P.string()),
  statements: opt(P.list(P.any('an IAM policy statement'))),
  managedPolicyArns: opt(P.list(P.string())),
  sessionTags: opt(P.boolean()),
};

/**
 * A role that one AWS service assumes for this account only (aws:SourceAccount), which
 * closes the confused-deputy path a bare service trust leaves open.
 */
export class ServiceRole extends Construct {
  public readonly role: IamRole;
  public readonly roleArn: string;
  /** The policy attachments and inline policy: what must exist before the service acts with the role. */
  public readonly grants: TerraformResource[] = [];

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    checkProps(this, props, SERVICE_ROLE_PROPS, 'ServiceRoleProps');
    markGoldenPath(this, 'service-role');
    validateAccountId(this, 'accountId', props.accountId);
    // a service principal is a host name; anything else (a `${` above all, which Terraform
    // reads as the start of an expression) would break the trust policy
    if (!/^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/.test(props.service)) {
      throw new PlatformValidationError(this, 'service', props.service, 'must be an AWS service principal such as ec2.amazonaws.com');
    }
    const name = props.roleName ?? deriveName('iamRole', ...this.node.path.split('/'));
    this.role = new IamRole(this, 'role', {
      name,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Principal: { Service: props.service },
          Action: props.sessionTags ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
        }],
      }),
    });
    this.roleArn = this.role.arn;
    if (props.statements?.length) {
      this.grants.push(new IamRolePolicy(this, 'policy', {
        role: this.role.name,
        name: 'inline',
        policy: JSON.stringify({ Version: '2012-10-17', Statement: props.statements }),
      }));
    }
    (props.managedPolicyArns ?? []).forEach((arn, i) => this.grants.push(new IamRolePolicyAttachment(this, `managed-${i}`, { role: this.role.name, policyArn: arn })));
  }
}
