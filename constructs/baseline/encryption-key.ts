import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { markGoldenPath } from '../../src/golden-path';

export interface EncryptionKeyProps {
  /** The 12-digit AWS account that owns the key; its root administers the key. */
  readonly accountId: string;
  /** What the key protects, e.g. `logs`, `data`, `state`; used in the alias and description. */
  readonly purpose: string;
  /** Alias without the `alias/` prefix. @default - `<purpose>` */
  readonly alias?: string;
  /**
   * AWS service principals (e.g. `logs.us-east-1.amazonaws.com`) allowed to use the key,
   * only on behalf of this account.
   * @default - none
   */
  readonly allowServices?: string[];
  /** Days before a deleted key is gone, 14 to 30 (GP-KMS-004 wants time to notice a mistaken deletion). @default 30 */
  readonly deletionWindowDays?: number;
  /** More key policy statements (grants to principals in other accounts). @default - none */
  readonly statements?: object[];
  /** Refuse `terraform destroy` of the key (Terraform's `prevent_destroy`). @default false */
  readonly preventDestroy?: boolean;
}

/** EncryptionKeyProps, checked at runtime. */
const ENCRYPTION_KEY_PROPS: PropsSchema = {
  accountId: P.string(),
  purpose: P.string(),
  alias: opt(P.string()),
  allowServices: opt(P.list(P.string())),
  deletionWindowDays: opt(P.number({ integer: true, min: 14, max: 30 })),
  statements: opt(P.list(P.any('a key policy statement'))),
  preventDestroy: opt(P.boolean()),
};

/**
 * A customer-managed KMS key with yearly rotation and an explicit key policy: the account
 * administers it through IAM, and named services may use it for this account only.
 */
export class EncryptionKey extends Construct {
  public readonly key: KmsKey;
  public readonly alias: KmsAlias;
  public readonly keyArn: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    checkProps(this, props, ENCRYPTION_KEY_PROPS, 'EncryptionKeyProps');
    markGoldenPath(this, 'encryption-key');
    validateAccountId(this, 'accountId', props.accountId);
    const deletionWindowDays = props.deletionWindowDays ?? 30;
    const aliasName = validateName(this, 'alias', props.alias ?? props.purpose, 'kmsAlias');
    const statements: object[] = [{
      Sid: 'AccountAdministersKeyThroughIam',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${props.accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    }];
    for (const service of props.allowServices ?? []) {
      statements.push({
        Sid: `Allow${service.split('.')[0].replace(/[^A-Za-z0-9]/g, '')}`,
        Effect: 'Allow',
        Principal: { Service: service },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': props.accountId } },
      });
    }
    statements.push(...(props.statements ?? []));
    this.key = new KmsKey(this, 'key', {
      description: `${props.purpose} key managed by goldenpath`,
      enableKeyRotation: true,
      deletionWindowInDays: deletionWindowDays,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.alias = new KmsAlias(this, 'alias', { name: `alias/${aliasName}`, targetKeyId: this.key.keyId });
    this.keyArn = this.key.arn;
  }
}

/** AWS account ids are 12 digits. */
export function validateAccountId(scope: Construct, prop: string, value: string): void {
  if (!/^\d{12}$/.test(value)) throw new PlatformValidationError(scope, prop, value, 'must be a 12-digit AWS account id');
}
