/**
 * For each Checkov check our rules claim, Terraform written here from what the check's
 * source tests (bridgecrewio/checkov, checkov/terraform/checks/): resources on which the
 * check fails, on which it passes, and on which the answer depends on a value only known at
 * plan time. The resource judged is always `<type>.this`.
 */
export interface CheckovCases {
  readonly fail: string[];
  readonly pass: string[];
  readonly unknown?: string[];
}

const bucket = (body = '') => `resource "aws_s3_bucket" "this" {\n  bucket = "acme-data"\n  ${body}\n}`;
const sse = (algorithm: string, key = '') => `resource "aws_s3_bucket_server_side_encryption_configuration" "e" {
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = ${algorithm}
      ${key ? `kms_master_key_id = ${key}` : ''}
    }
  }
}`;
const pab = (flags: Record<string, string>, name = 'p') => `resource "aws_s3_bucket_public_access_block" "${name}" {
  bucket = aws_s3_bucket.this.id
  ${Object.entries({ block_public_acls: 'true', block_public_policy: 'true', ignore_public_acls: 'true', restrict_public_buckets: 'true', ...flags }).map(([k, v]) => `${k} = ${v}`).join('\n  ')}
}`;
const pabThis = (flags: Record<string, string>) => pab(flags, 'this').replace('aws_s3_bucket.this.id', '"acme-data"');
const res = (type: string, body: string) => `resource "${type}" "this" {\n  ${body}\n}`;
const policy = (type: string, attribute: string, statement: string, extra = '') => res(type, `${extra}\n  ${attribute} = jsonencode({ Version = "2012-10-17", Statement = [${statement}] })`);
const sg = (ingress: string, egress = '') => res('aws_security_group', `name = "x"\n  description = "x"\n  ${ingress}\n  ${egress}`);
const ingress = (from: number, to: number, cidr = '0.0.0.0/0', protocol = 'tcp') => `ingress {\n    from_port = ${from}\n    to_port = ${to}\n    protocol = "${protocol}"\n    cidr_blocks = ["${cidr}"]\n    description = "d"\n  }`;
const db = (body: string) => res('aws_db_instance', `engine = "postgres"\n  instance_class = "db.t4g.micro"\n  ${body}`);
const cluster = (body: string) => res('aws_rds_cluster', `cluster_identifier = "orders"\n  engine = "aurora-postgresql"\n  ${body}`);
const pod = (container: string, spec = '') => res('kubernetes_pod', `metadata {\n    name = "p"\n    namespace = "team"\n  }\n  spec {\n    ${spec}\n    container {\n      name = "app"\n      image = "registry.example.com/app:1.2.3"\n      ${container}\n    }\n  }`);
const deployment = (container: string) => res('kubernetes_deployment', `metadata {\n    name = "d"\n    namespace = "team"\n  }\n  spec {\n    template {\n      metadata {\n        labels = { app = "d" }\n      }\n      spec {\n        container {\n          name = "app"\n          image = "registry.example.com/app:1.2.3"\n          ${container}\n        }\n      }\n    }\n  }`);
const caps = (body: string) => `security_context {\n        capabilities {\n          ${body}\n        }\n      }`;
const trust = (statement: string) => res('aws_iam_role', `name = "r"\n  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [${statement}] })`);
const iamPolicy = (statement: string) => policy('aws_iam_policy', 'policy', statement, 'name = "p"');
const pwd = (over: Record<string, string>) => res('aws_iam_account_password_policy', Object.entries({
  minimum_password_length: '14',
  password_reuse_prevention: '24',
  require_lowercase_characters: 'true',
  require_uppercase_characters: 'true',
  require_numbers: 'true',
  require_symbols: 'true',
  max_password_age: '90',
  ...over,
}).filter(([, v]) => v !== '').map(([k, v]) => `${k} = ${v}`).join('\n  '));
const eks = (vpc: string, body = '') => res('aws_eks_cluster', `name = "c"\n  role_arn = "arn"\n  vpc_config {\n    subnet_ids = ["a"]\n    ${vpc}\n  }\n  ${body}`);
const logGroup = (body: string) => res('aws_cloudwatch_log_group', `name = "l"\n  ${body}`);
const trail = (over: Record<string, string>) => res('aws_cloudtrail', Object.entries({ name: '"t"', s3_bucket_name: '"b"', ...over }).filter(([, v]) => v !== '').map(([k, v]) => `${k} = ${v}`).join('\n  '));
const recorder = (group: string, name = 'r') => `resource "aws_config_configuration_recorder" "${name}" {\n  name = "main"\n  role_arn = "arn"\n  recording_group {\n    ${group}\n  }\n}`;
const status = (enabled: string) => `resource "aws_config_configuration_recorder_status" "this" {\n  name = aws_config_configuration_recorder.r.name\n  is_enabled = ${enabled}\n}`;
const ANY = 'Principal = "*"';
const AWS_ANY = 'Principal = { AWS = "*" }';

/**
 * Checks with no unknown case, and why: what they test has no value that could wait for the
 * plan, or every value of it fails or passes alike.
 */
export const NO_UNKNOWN_CASE: Record<string, string> = {
  CKV_AWS_348: 'every active access key fails GP-IAM-014, whoever its user is',
  CKV2_AWS_64: 'any key policy, known or not, is an explicit one',
  CKV_AWS_158: 'any key, known or not, is a customer key: CloudWatch Logs takes no AWS-managed key',
  CKV_AWS_35: 'any key, known or not, is a customer key: CloudTrail takes no AWS-managed key',
  CKV_AWS_23: 'any description, known or not, is a description',
  CKV2_AWS_11: 'a flow log refers to the VPC or it does not',
  CKV2_AWS_10: 'any log group ARN, known or not, sends the trail to CloudWatch Logs',
  CKV2_GIT_1: 'a protection refers to the repository or it does not',
  CKV_K8S_27: 'every hostPath volume fails Pod Security baseline, whatever its path',
  CKV_K8S_8: 'any liveness probe, known or not, is a probe',
  CKV_K8S_9: 'any readiness probe, known or not, is a probe',
};

export const CHECKOV_CASES: Record<string, CheckovCases> = {
  // S3
  CKV2_AWS_6: {
    fail: [bucket(), `${bucket()}\n${pab({ block_public_policy: 'false' })}`],
    pass: [`${bucket()}\n${pab({})}`, `${bucket()}\n${pab({ restrict_public_buckets: 'false' })}`],
    unknown: [`${bucket()}\n${pab({ block_public_acls: 'var.block' })}`],
  },
  CKV_AWS_19: {
    // Checkov reads a dynamic block's content as if rendered
    fail: [bucket(), bucket('dynamic "server_side_encryption_configuration" {\n    for_each = var.sse ? [1] : []\n    content {\n      rule {\n        apply_server_side_encryption_by_default {\n          sse_algorithm = "rot13"\n        }\n      }\n    }\n  }')],
    pass: [`${bucket()}\n${sse('"AES256"')}`, `${bucket()}\n${sse('"aws:kms"', 'aws_kms_key.k.arn')}`,
      bucket('dynamic "server_side_encryption_configuration" {\n    for_each = var.sse ? [1] : []\n    content {\n      rule {\n        apply_server_side_encryption_by_default {\n          sse_algorithm = "AES256"\n        }\n      }\n    }\n  }')],
    unknown: [`${bucket()}\n${sse('var.algorithm')}`, bucket('dynamic "server_side_encryption_configuration" {\n    for_each = var.sse\n    content {\n      rule {\n        apply_server_side_encryption_by_default {\n          sse_algorithm = "aws:kms"\n          kms_master_key_id = aws_kms_key.k.arn\n        }\n      }\n    }\n  }')],
  },
  CKV_AWS_145: {
    fail: [bucket(), `${bucket()}\n${sse('"AES256"')}`, sse('"AES256"').replace('"e"', '"this"')],
    pass: [`${bucket()}\n${sse('"aws:kms"', 'aws_kms_key.k.arn')}`, `${bucket()}\n${sse('"aws:kms:dsse"', '"arn:aws:kms:eu-west-1:111111111111:key/k"')}`],
    unknown: [`${bucket()}\n${sse('var.algorithm')}`],
  },
  CKV_AWS_21: {
    fail: [bucket(), bucket('versioning {\n    enabled = false\n  }'), res('aws_s3_bucket_versioning', 'bucket = "b"\n  versioning_configuration {\n    status = "Suspended"\n  }')],
    pass: [bucket('versioning {\n    enabled = true\n  }'), `variable "v" {\n  default = true\n}\n${bucket('versioning {\n    enabled = var.v\n  }')}`,
      `${bucket()}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.this.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}`],
    unknown: [bucket('versioning {\n    enabled = var.v\n  }')],
  },
  CKV2_AWS_65: {
    fail: [res('aws_s3_bucket_ownership_controls', 'bucket = "b"\n  rule {\n    object_ownership = "BucketOwnerPreferred"\n  }')],
    pass: [res('aws_s3_bucket_ownership_controls', 'bucket = "b"\n  rule {\n    object_ownership = "BucketOwnerEnforced"\n  }'), bucket()],
    unknown: [res('aws_s3_bucket_ownership_controls', 'bucket = "b"\n  rule {\n    object_ownership = var.ownership\n  }')],
  },
  CKV_AWS_20: {
    fail: [bucket('acl = "public-read"'), res('aws_s3_bucket_acl', 'bucket = "b"\n  acl = "public-read-write"'),
      res('aws_s3_bucket_acl', 'bucket = "b"\n  access_control_policy {\n    grant {\n      grantee {\n        type = "Group"\n        uri = "http://acs.amazonaws.com/groups/global/AllUsers"\n      }\n      permission = "READ"\n    }\n    owner {\n      id = "o"\n    }\n  }')],
    pass: [bucket('acl = "private"'), res('aws_s3_bucket_acl', 'bucket = "b"\n  acl = "log-delivery-write"')],
    unknown: [bucket('acl = var.acl')],
  },
  CKV_AWS_57: {
    fail: [bucket('acl = "public-read-write"'), `${bucket()}\nresource "aws_s3_bucket_acl" "a" {\n  bucket = aws_s3_bucket.this.id\n  acl = "public-read-write"\n}`],
    pass: [bucket('acl = "public-read"'), bucket()],
    unknown: [res('aws_s3_bucket_acl', 'bucket = "b"\n  acl = var.acl')],
  },
  CKV2_AWS_43: {
    fail: [res('aws_s3_bucket_acl', 'bucket = "b"\n  access_control_policy {\n    grant {\n      grantee {\n        type = "Group"\n        uri = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"\n      }\n      permission = "READ"\n    }\n    owner {\n      id = "o"\n    }\n  }')],
    pass: [res('aws_s3_bucket_acl', 'bucket = "b"\n  access_control_policy {\n    grant {\n      grantee {\n        type = "CanonicalUser"\n        id = "abc"\n      }\n      permission = "FULL_CONTROL"\n    }\n    owner {\n      id = "o"\n    }\n  }')],
    unknown: [res('aws_s3_bucket_acl', 'bucket = "b"\n  access_control_policy {\n    grant {\n      grantee {\n        type = "Group"\n        uri = var.grantee\n      }\n      permission = "READ"\n    }\n    owner {\n      id = "o"\n    }\n  }')],
  },
  CKV2_AWS_61: {
    fail: [bucket()],
    pass: [`${bucket()}\nresource "aws_s3_bucket_lifecycle_configuration" "l" {\n  bucket = aws_s3_bucket.this.id\n  rule {\n    id = "expire"\n    status = "Enabled"\n  }\n}`],
    unknown: [bucket('dynamic "lifecycle_rule" {\n    for_each = var.rules\n    content {\n      enabled = true\n    }\n  }')],
  },
  CKV_AWS_18: {
    fail: [bucket()],
    pass: [bucket('logging {\n    target_bucket = "logs"\n  }'), `${bucket()}\nresource "aws_s3_bucket_logging" "l" {\n  bucket = aws_s3_bucket.this.id\n  target_bucket = "logs"\n  target_prefix = "x/"\n}`],
    unknown: [bucket('dynamic "logging" {\n    for_each = var.logging\n    content {\n      target_bucket = "logs"\n    }\n  }')],
  },
  CKV_AWS_53: { fail: [pabThis({ block_public_acls: 'false' })], pass: [pabThis({ block_public_policy: 'false' })], unknown: [pabThis({ block_public_acls: 'var.x' })] },
  CKV_AWS_54: { fail: [pabThis({ block_public_policy: 'false' })], pass: [pabThis({ block_public_acls: 'false' })], unknown: [pabThis({ block_public_policy: 'var.x' })] },
  CKV_AWS_55: { fail: [pabThis({ ignore_public_acls: 'false' })], pass: [pabThis({})], unknown: [pabThis({ ignore_public_acls: 'var.x' })] },
  CKV_AWS_56: { fail: [pabThis({ restrict_public_buckets: 'false' })], pass: [pabThis({ ignore_public_acls: 'false' })], unknown: [pabThis({ restrict_public_buckets: 'var.x' })] },
  CKV_AWS_70: {
    fail: [policy('aws_s3_bucket_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "s3:GetObject", Resource = "arn:aws:s3:::b/*" }`, 'bucket = "b"'),
      bucket(`policy = jsonencode({ Statement = [{ Effect = "Allow", ${AWS_ANY}, Action = "s3:*", Resource = "*", Condition = { StringEquals = { "aws:username" = "alice" } } }] })`)],
    pass: [policy('aws_s3_bucket_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "s3:GetObject", Resource = "*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } } }`, 'bucket = "b"'),
      policy('aws_s3_bucket_policy', 'policy', `{ Effect = "Deny", ${ANY}, Action = "s3:*", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } }`, 'bucket = "b"')],
    unknown: [policy('aws_s3_bucket_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "s3:GetObject", Resource = "*", Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org } } }`, 'bucket = "b"')],
  },
  // IAM
  CKV_AWS_62: {
    fail: [iamPolicy('{ Effect = "Allow", Action = "*", Resource = "*" }'), policy('aws_iam_role_policy', 'policy', '{ Effect = "Allow", Action = ["*"], Resource = ["*"] }', 'role = "r"')],
    pass: [iamPolicy('{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::b" }'), iamPolicy('{ Effect = "Deny", Action = "*", Resource = "*" }')],
    unknown: [res('aws_iam_policy', 'name = "p"\n  policy = data.aws_iam_policy_document.elsewhere.json')],
  },
  CKV_AWS_63: {
    fail: [iamPolicy('{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::b" }'),
      'data "aws_iam_policy_document" "d" {\n  statement {\n    actions = ["*"]\n    resources = ["arn:aws:s3:::b"]\n  }\n}\nresource "aws_iam_policy" "this" {\n  name = "p"\n  policy = data.aws_iam_policy_document.d.json\n}'],
    pass: [iamPolicy('{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }')],
    unknown: [res('aws_iam_policy', 'name = "p"\n  policy = data.aws_iam_policy_document.elsewhere.json')],
  },
  CKV2_AWS_40: {
    fail: ['data "aws_iam_policy_document" "this" {\n  statement {\n    actions = ["iam:*"]\n    resources = ["arn:aws:iam::111111111111:role/x"]\n  }\n}', iamPolicy('{ Effect = "Allow", Action = "iam:*", Resource = "arn:aws:iam::111111111111:role/x" }'), policy('aws_ssoadmin_permission_set_inline_policy', 'inline_policy', '{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::b" }', 'instance_arn = "i"\n  permission_set_arn = "p"')],
    pass: [iamPolicy('{ Effect = "Allow", Action = "iam:GetRole", Resource = "*" }'), iamPolicy('{ Effect = "Allow", Action = "s3:*", Resource = "arn:aws:s3:::b" }'),
      'data "aws_iam_policy_document" "this" {\n  statement {\n    effect = "Deny"\n    actions = ["iam:*"]\n    resources = ["*"]\n  }\n}'],
    unknown: ['data "aws_iam_policy_document" "this" {\n  source_policy_documents = [data.aws_iam_policy_document.base.json]\n  statement {\n    actions = ["s3:GetObject"]\n    resources = ["*"]\n  }\n}'],
  },
  CKV_AWS_60: {
    fail: [trust(`{ Effect = "Allow", ${AWS_ANY}, Action = "sts:AssumeRole" }`)],
    pass: [trust('{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }'), trust(`{ Effect = "Deny", ${AWS_ANY}, Action = "sts:AssumeRole" }`)],
    unknown: [trust(`{ Effect = "Allow", ${AWS_ANY}, Action = "sts:AssumeRole", Condition = { StringEquals = { "aws:PrincipalOrgID" = var.org } } }`)],
  },
  CKV_AWS_61: {
    fail: [trust('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111111111111:root" }, Action = "sts:AssumeRole" }'), trust('{ Effect = "Allow", Principal = { AWS = ["222222222222"] }, Action = "sts:AssumeRole" }')],
    pass: [trust('{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111111111111:role/ci" }, Action = "sts:AssumeRole" }'),
      trust('{ Effect = "Allow", Principal = { AWS = "111111111111" }, Action = "sts:AssumeRole", Condition = { StringEquals = { "sts:ExternalId" = "vendor-42" } } }')],
    unknown: [res('aws_iam_role', 'name = "r"\n  assume_role_policy = var.trust')],
  },
  CKV_AWS_393: {
    fail: [trust('{ Effect = "Allow", Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }, Action = "sts:AssumeRoleWithWebIdentity" }'),
      trust('{ Effect = "Allow", Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }, Action = "sts:AssumeRoleWithWebIdentity", Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:*" } } }')],
    pass: [trust('{ Effect = "Allow", Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }, Action = "sts:AssumeRoleWithWebIdentity", Condition = { StringEquals = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:environment:prod", "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" } } }'),
      // Checkov accepts repo:owner/* (we do not, but then we cite nothing)
      trust('{ Effect = "Allow", Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }, Action = "sts:AssumeRoleWithWebIdentity", Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme/*" } } }')],
    unknown: [trust('{ Effect = "Allow", Principal = { Federated = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" }, Action = "sts:AssumeRoleWithWebIdentity", Condition = { StringEquals = { "token.actions.githubusercontent.com:sub" = var.subject } } }')],
  },
  CKV_AWS_274: {
    fail: [res('aws_iam_role_policy_attachment', 'role = "r"\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"'), res('aws_ssoadmin_managed_policy_attachment', 'instance_arn = "i"\n  permission_set_arn = "p"\n  managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"')],
    pass: [res('aws_iam_role_policy_attachment', 'role = "r"\n  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"'), res('aws_iam_role_policy_attachment', 'role = "r"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"')],
    unknown: [res('aws_iam_role_policy_attachment', 'role = "r"\n  policy_arn = var.policy_arn')],
  },
  CKV2_AWS_56: {
    fail: [res('aws_iam_group_policy_attachment', 'group = "g"\n  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"'), res('aws_iam_role', 'name = "r"\n  assume_role_policy = "{}"\n  managed_policy_arns = ["arn:aws:iam::aws:policy/IAMFullAccess"]')],
    pass: [res('aws_iam_group_policy_attachment', 'group = "g"\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"')],
    unknown: [res('aws_iam_user_policy_attachment', 'user = "u"\n  policy_arn = var.policy_arn')],
  },
  CKV_AWS_40: {
    fail: [policy('aws_iam_user_policy', 'policy', '{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }', 'user = "u"'), res('aws_iam_policy_attachment', 'name = "a"\n  users = ["u"]\n  policy_arn = "arn"')],
    pass: [res('aws_iam_policy_attachment', 'name = "a"\n  roles = ["r"]\n  policy_arn = "arn"')],
    unknown: [res('aws_iam_policy_attachment', 'name = "a"\n  users = var.users\n  policy_arn = "arn"')],
  },
  CKV_AWS_10: { fail: [pwd({ minimum_password_length: '8' }), pwd({ minimum_password_length: '' })], pass: [pwd({})], unknown: [pwd({ minimum_password_length: 'var.len' })] },
  CKV_AWS_13: { fail: [pwd({ password_reuse_prevention: '5' })], pass: [pwd({})], unknown: [pwd({ password_reuse_prevention: 'var.n' })] },
  CKV_AWS_11: { fail: [pwd({ require_lowercase_characters: 'false' })], pass: [pwd({ require_symbols: 'false' })], unknown: [pwd({ require_lowercase_characters: 'var.x' })] },
  CKV_AWS_12: { fail: [pwd({ require_numbers: '' })], pass: [pwd({ require_lowercase_characters: 'false' })], unknown: [pwd({ require_numbers: 'var.x' })] },
  CKV_AWS_14: { fail: [pwd({ require_symbols: 'false' })], pass: [pwd({ require_numbers: 'false' })], unknown: [pwd({ require_symbols: 'var.x' })] },
  CKV_AWS_15: { fail: [pwd({ require_uppercase_characters: 'false' })], pass: [pwd({})], unknown: [pwd({ require_uppercase_characters: 'var.x' })] },
  CKV_AWS_9: { fail: [pwd({ max_password_age: '' })], pass: [pwd({}), pwd({ max_password_age: '180' })], unknown: [pwd({ max_password_age: 'var.age' })] },
  CKV_AWS_348: { fail: [res('aws_iam_access_key', 'user = "root"')], pass: [res('aws_iam_access_key', 'user = "ci"'), res('aws_iam_access_key', 'user = "root"\n  status = "Inactive"')] },
  // KMS, logs, queues, topics, registries
  CKV_AWS_7: { fail: [res('aws_kms_key', 'description = "k"')], pass: [res('aws_kms_key', 'enable_key_rotation = true')], unknown: [res('aws_kms_key', 'enable_key_rotation = var.rotate')] },
  CKV2_AWS_64: {
    fail: [res('aws_kms_key', 'enable_key_rotation = true')],
    pass: [policy('aws_kms_key', 'policy', '{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111111111111:root" }, Action = "kms:*", Resource = "*" }'),
      'resource "aws_kms_key" "this" {\n  enable_key_rotation = true\n}\nresource "aws_kms_key_policy" "p" {\n  key_id = aws_kms_key.this.id\n  policy = "{}"\n}'],
  },
  CKV_AWS_33: {
    fail: [
      // a heredoc with a trailing comma, which IAM forgives, and a bare list as Principal
      res('aws_kms_key', 'description = "k"\n  policy = <<POLICY\n{\n  "Statement": [\n    { "Effect": "Allow", "Principal": ["foo", "*"], "Action": "kms:*", "Resource": "*" },\n  ]\n}\nPOLICY'), policy('aws_kms_key', 'policy', `{ Effect = "Allow", ${AWS_ANY}, Action = "kms:*", Resource = "*" }`), policy('aws_kms_key', 'policy', `{ Effect = "Allow", ${ANY}, Action = "kms:Decrypt", Resource = "*" }`),
    ],
    pass: [policy('aws_kms_key', 'policy', '{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111111111111:root" }, Action = "kms:*", Resource = "*" }')],
    unknown: [res('aws_kms_key', 'policy = var.key_policy')],
  },
  CKV_AWS_227: { fail: [res('aws_kms_key', 'is_enabled = false')], pass: [res('aws_kms_key', 'is_enabled = true'), res('aws_kms_key', 'description = "k"')], unknown: [res('aws_kms_key', 'is_enabled = var.on')] },
  CKV_AWS_66: { fail: [logGroup('kms_key_id = "k"')], pass: [logGroup('retention_in_days = 0'), logGroup('retention_in_days = 30')], unknown: [logGroup('retention_in_days = var.days')] },
  CKV_AWS_338: { fail: [logGroup('retention_in_days = 30'), logGroup('kms_key_id = "k"')], pass: [logGroup('retention_in_days = 0'), logGroup('retention_in_days = 400')], unknown: [logGroup('retention_in_days = var.days')] },
  CKV_AWS_158: { fail: [logGroup('retention_in_days = 365')], pass: [logGroup('kms_key_id = aws_kms_key.k.arn')] },
  CKV_AWS_106: { fail: [res('aws_ebs_encryption_by_default', 'enabled = false')], pass: [res('aws_ebs_encryption_by_default', 'enabled = true')], unknown: [res('aws_ebs_encryption_by_default', 'enabled = var.on')] },
  CKV_AWS_3: { fail: [res('aws_ebs_volume', 'size = 10'), res('aws_ebs_volume', 'size = 10\n  encrypted = false\n  kms_key_id = "k"')], pass: [res('aws_ebs_volume', 'size = 10\n  encrypted = true')], unknown: [res('aws_ebs_volume', 'size = 10\n  encrypted = var.e\n  kms_key_id = "k"')] },
  CKV_AWS_189: { fail: [res('aws_ebs_volume', 'size = 10\n  encrypted = true'), res('aws_ebs_volume', 'size = 10')], pass: [res('aws_ebs_volume', 'size = 10\n  encrypted = true\n  kms_key_id = aws_kms_key.k.arn'), res('aws_ebs_volume', 'size = 10\n  encrypted = true\n  kms_key_id = "alias/aws/ebs"')], unknown: [res('aws_ebs_volume', 'size = 10\n  encrypted = true\n  kms_key_id = var.key')] },
  CKV_AWS_26: { fail: [res('aws_sns_topic', 'name = "t"')], pass: [res('aws_sns_topic', 'name = "t"\n  kms_master_key_id = "alias/aws/sns"'), res('aws_sns_topic', 'name = "t"\n  kms_master_key_id = aws_kms_key.k.id')], unknown: [res('aws_sns_topic', 'name = "t"\n  kms_master_key_id = var.key')] },
  CKV_AWS_169: {
    fail: [policy('aws_sns_topic_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "sns:Publish", Resource = "t" }`, 'arn = "t"')],
    pass: [policy('aws_sns_topic_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "sns:Publish", Resource = "t", Condition = { StringEquals = { "aws:SourceAccount" = "111111111111" } } }`, 'arn = "t"')],
    unknown: [res('aws_sns_topic_policy', 'arn = "t"\n  policy = var.policy')],
  },
  CKV_AWS_27: { fail: [res('aws_sqs_queue', 'name = "q"'), res('aws_sqs_queue', 'name = "q"\n  sqs_managed_sse_enabled = true')], pass: [res('aws_sqs_queue', 'name = "q"\n  kms_master_key_id = "alias/aws/sqs"')], unknown: [res('aws_sqs_queue', 'name = "q"\n  kms_master_key_id = var.key')] },
  CKV2_AWS_73: { fail: [res('aws_sqs_queue', 'name = "q"\n  kms_master_key_id = "alias/aws/sqs"')], pass: [res('aws_sqs_queue', 'name = "q"'), res('aws_sqs_queue', 'name = "q"\n  kms_master_key_id = aws_kms_key.k.arn')], unknown: [res('aws_sqs_queue', 'name = "q"\n  kms_master_key_id = data.aws_kms_alias.sqs.target_key_arn')] },
  CKV_AWS_168: {
    fail: [policy('aws_sqs_queue_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "sqs:SendMessage", Resource = "q" }`, 'queue_url = "q"')],
    pass: [policy('aws_sqs_queue_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "sqs:SendMessage", Resource = "q", Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:111111111111:t" } } }`, 'queue_url = "q"')],
    unknown: [res('aws_sqs_queue_policy', 'queue_url = "q"\n  policy = var.policy')],
  },
  CKV_AWS_387: {
    fail: [policy('aws_sqs_queue_policy', 'policy', `{ Effect = "Allow", ${AWS_ANY}, Action = ["sqs:ReceiveMessage"], Resource = "q" }`, 'queue_url = "q"')],
    pass: [policy('aws_sqs_queue_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "sqs:SendMessage", Resource = "q", Condition = { StringEquals = { "aws:username" = "x" } } }`, 'queue_url = "q"'),
      policy('aws_sqs_queue_policy', 'policy', '{ Effect = "Allow", Principal = { Service = "sns.amazonaws.com" }, Action = "sqs:SendMessage", Resource = "q" }', 'queue_url = "q"')],
    unknown: [res('aws_sqs_queue_policy', 'queue_url = "q"\n  policy = data.aws_iam_policy_document.elsewhere.json')],
  },
  CKV_AWS_72: {
    fail: [policy('aws_sqs_queue_policy', 'policy', '{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111111111111:role/r" }, Action = "*", Resource = "q" }', 'queue_url = "q"')],
    pass: [policy('aws_sqs_queue_policy', 'policy', '{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111111111111:role/r" }, Action = "sqs:SendMessage", Resource = "q" }', 'queue_url = "q"')],
    unknown: [res('aws_sqs_queue_policy', 'queue_url = "q"\n  policy = var.policy')],
  },
  CKV_AWS_163: { fail: [res('aws_ecr_repository', 'name = "r"')], pass: [res('aws_ecr_repository', 'name = "r"\n  image_scanning_configuration {\n    scan_on_push = true\n  }')], unknown: [res('aws_ecr_repository', 'name = "r"\n  image_scanning_configuration {\n    scan_on_push = var.scan\n  }')] },
  CKV_AWS_51: { fail: [res('aws_ecr_repository', 'name = "r"'), res('aws_ecr_repository', 'name = "r"\n  image_tag_mutability = "MUTABLE"')], pass: [res('aws_ecr_repository', 'name = "r"\n  image_tag_mutability = "IMMUTABLE"')], unknown: [res('aws_ecr_repository', 'name = "r"\n  image_tag_mutability = var.m')] },
  CKV_AWS_136: { fail: [res('aws_ecr_repository', 'name = "r"'), res('aws_ecr_repository', 'name = "r"\n  encryption_configuration {\n    encryption_type = "AES256"\n  }')], pass: [res('aws_ecr_repository', 'name = "r"\n  encryption_configuration {\n    encryption_type = "KMS"\n  }')], unknown: [res('aws_ecr_repository', 'name = "r"\n  encryption_configuration {\n    encryption_type = var.encryption\n  }')] },
  CKV_AWS_32: {
    fail: [policy('aws_ecr_repository_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "ecr:*" }`, 'repository = "r"')],
    pass: [policy('aws_ecr_repository_policy', 'policy', `{ Effect = "Allow", ${ANY}, Action = "ecr:BatchGetImage", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } } }`, 'repository = "r"')],
    unknown: [res('aws_ecr_repository_policy', 'repository = "r"\n  policy = var.policy')],
  },
  // RDS
  CKV_AWS_16: { fail: [db('storage_encrypted = false')], pass: [db('storage_encrypted = true')], unknown: [db('storage_encrypted = var.e')] },
  CKV_AWS_96: { fail: [cluster('storage_encrypted = false'), cluster('master_username = "x"')], pass: [cluster('storage_encrypted = true'), cluster('engine_mode = "serverless"')], unknown: [cluster('storage_encrypted = var.e')] },
  CKV_AWS_17: { fail: [db('publicly_accessible = true')], pass: [db('publicly_accessible = false'), db('')], unknown: [db('publicly_accessible = var.p')] },
  CKV_AWS_133: { fail: [db('backup_retention_period = 0'), cluster('backup_retention_period = 0')], pass: [db('backup_retention_period = 3'), cluster('')], unknown: [cluster('backup_retention_period = var.days')] },
  CKV_AWS_293: { fail: [db('deletion_protection = false')], pass: [db('deletion_protection = true'), cluster('deletion_protection = false')], unknown: [db('deletion_protection = var.protect')] },
  CKV_AWS_139: { fail: [cluster('deletion_protection = false'), cluster('')], pass: [cluster('deletion_protection = true'), db('deletion_protection = false')], unknown: [cluster('deletion_protection = var.p')] },
  CKV_AWS_161: { fail: [db('')], pass: [db('iam_database_authentication_enabled = true'), cluster(''), db('').replace('"postgres"', '"oracle-ee"')], unknown: [db('iam_database_authentication_enabled = var.iam')] },
  CKV_AWS_162: { fail: [cluster('')], pass: [cluster('iam_database_authentication_enabled = true'), db('')], unknown: [cluster('iam_database_authentication_enabled = var.iam')] },
  CKV_AWS_129: { fail: [db('')], pass: [db('enabled_cloudwatch_logs_exports = ["postgresql"]'), cluster('')], unknown: [db('enabled_cloudwatch_logs_exports = var.logs')] },
  CKV_AWS_324: { fail: [cluster('')], pass: [cluster('enabled_cloudwatch_logs_exports = ["postgresql"]')], unknown: [cluster('enabled_cloudwatch_logs_exports = var.exports')] },
  CKV_AWS_226: { fail: [db('auto_minor_version_upgrade = false'), db('')], pass: [db('auto_minor_version_upgrade = true')], unknown: [db('auto_minor_version_upgrade = var.u')] },
  CKV2_AWS_60: { fail: [db('copy_tags_to_snapshot = false'), db('copy_tags_to_snapshot = true').replace('"postgres"', '"neptune"')], pass: [db('copy_tags_to_snapshot = true'), cluster('')], unknown: [db('copy_tags_to_snapshot = var.copy')] },
  CKV_AWS_313: { fail: [cluster('')], pass: [cluster('copy_tags_to_snapshot = true')], unknown: [cluster('copy_tags_to_snapshot = var.copy')] },
  CKV_AWS_327: { fail: [cluster('storage_encrypted = true')], pass: [cluster('kms_key_id = aws_kms_key.k.arn'), db('')], unknown: [cluster('kms_key_id = var.key')] },
  CKV_AWS_157: { fail: [db('multi_az = false')], pass: [db('multi_az = true')], unknown: [db('multi_az = var.multi')] },
  // networks
  CKV_AWS_24: { fail: [sg(ingress(22, 22)), sg(ingress(0, 0, '0.0.0.0/0', '-1')), sg(ingress(0, 0)), sg(ingress(20, 30, '0.0.0.0/0', 'udp'))], pass: [sg(ingress(22, 22, '10.0.0.0/8')), sg(ingress(443, 443))], unknown: [sg(ingress(22, 22).replace('["0.0.0.0/0"]', 'var.cidrs'))] },
  CKV_AWS_25: { fail: [sg(ingress(3389, 3389)), res('aws_security_group_rule', 'type = "ingress"\n  from_port = 3000\n  to_port = 4000\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n  security_group_id = "sg"')], pass: [sg(ingress(22, 22))], unknown: [sg(ingress(3389, 3389).replace('["0.0.0.0/0"]', 'var.cidrs'))] },
  CKV_AWS_260: { fail: [sg(ingress(80, 80)), res('aws_vpc_security_group_ingress_rule', 'security_group_id = "sg"\n  ip_protocol = "tcp"\n  from_port = 80\n  to_port = 80\n  cidr_ipv4 = "0.0.0.0/0"')], pass: [sg(ingress(443, 443)), sg(ingress(80, 80, '10.0.0.0/8'))], unknown: [sg(ingress(80, 80).replace('["0.0.0.0/0"]', 'var.cidrs'))] },
  CKV_AWS_277: {
    fail: [sg(ingress(0, 0, '0.0.0.0/0', '-1'))],
    // Checkov reads `protocol`, so it passes ip_protocol "-1" on the newer rule type (we fail it, citing nothing)
    pass: [sg(ingress(443, 443)), res('aws_vpc_security_group_ingress_rule', 'security_group_id = "sg"\n  ip_protocol = "-1"\n  cidr_ipv4 = "0.0.0.0/0"')],
    unknown: [sg(ingress(0, 0, '0.0.0.0/0', '-1').replace('["0.0.0.0/0"]', 'var.cidrs'))],
  },
  CKV_AWS_382: {
    fail: [sg('', 'egress {\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }')],
    pass: [sg('', 'egress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }')],
    unknown: [sg('', 'egress {\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = var.cidrs\n  }')],
  },
  CKV_AWS_23: {
    fail: [res('aws_security_group', 'name = "x"\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }'), res('aws_security_group_rule', 'type = "ingress"\n  from_port = 443\n  to_port = 443\n  protocol = "tcp"\n  cidr_blocks = ["10.0.0.0/8"]\n  security_group_id = "sg"')],
    // the group's own description is enough for Checkov
    pass: [res('aws_security_group', 'name = "x"\n  description = "web"\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }')],
  },
  CKV2_AWS_12: {
    fail: [res('aws_vpc', 'cidr_block = "10.0.0.0/16"'), `${res('aws_vpc', 'cidr_block = "10.0.0.0/16"')}\nresource "aws_default_security_group" "d" {\n  vpc_id = aws_vpc.this.id\n  ingress {\n    protocol = "-1"\n    self = true\n    from_port = 0\n    to_port = 0\n  }\n}`],
    pass: [`${res('aws_vpc', 'cidr_block = "10.0.0.0/16"')}\nresource "aws_default_security_group" "d" {\n  vpc_id = aws_vpc.this.id\n}`],
    unknown: [`${res('aws_vpc', 'cidr_block = "10.0.0.0/16"')}\nresource "aws_default_security_group" "d" {\n  vpc_id = aws_vpc.this.id\n  ingress = var.rules\n}`],
  },
  CKV2_AWS_11: {
    fail: [res('aws_vpc', 'cidr_block = "10.0.0.0/16"')],
    pass: [`${res('aws_vpc', 'cidr_block = "10.0.0.0/16"')}\nresource "aws_flow_log" "f" {\n  vpc_id = aws_vpc.this.id\n  traffic_type = "ALL"\n  log_destination = "arn"\n}`],
  },
  CKV_AWS_130: { fail: [res('aws_subnet', 'vpc_id = "v"\n  cidr_block = "10.0.0.0/24"\n  map_public_ip_on_launch = true')], pass: [res('aws_subnet', 'vpc_id = "v"\n  cidr_block = "10.0.0.0/24"')], unknown: [res('aws_subnet', 'vpc_id = "v"\n  map_public_ip_on_launch = var.public')] },
  // audit
  CKV_AWS_67: { fail: [trail({})], pass: [trail({ is_multi_region_trail: 'true' })], unknown: [trail({ is_multi_region_trail: 'var.multi' })] },
  CKV_AWS_36: { fail: [trail({ enable_log_file_validation: 'false' })], pass: [trail({ enable_log_file_validation: 'true' })], unknown: [trail({ enable_log_file_validation: 'var.validate' })] },
  CKV_AWS_35: { fail: [trail({})], pass: [trail({ kms_key_id: 'aws_kms_key.k.arn' })] },
  CKV_AWS_251: { fail: [trail({ enable_logging: 'false' })], pass: [trail({}), trail({ include_global_service_events: 'false' })], unknown: [trail({ enable_logging: 'var.on' })] },
  CKV2_AWS_10: { fail: [trail({})], pass: [trail({ cloud_watch_logs_group_arn: '"arn:aws:logs:eu-west-1:111111111111:log-group:t:*"' })] },
  CKV2_AWS_45: {
    fail: [`${recorder('all_supported = false\n    include_global_resource_types = true')}\n${status('true')}`, `${recorder('all_supported = true\n    include_global_resource_types = true')}\n${status('false')}`],
    pass: [`${recorder('all_supported = true\n    include_global_resource_types = false')}\n${status('true')}`],
    unknown: [`${recorder('all_supported = true\n    include_global_resource_types = true')}\n${status('var.on')}`],
  },
  CKV2_AWS_48: {
    fail: [`${recorder('all_supported = true')}\n${status('true')}`, recorder('all_supported = true\n    include_global_resource_types = false', 'this')],
    pass: [`${recorder('all_supported = false\n    include_global_resource_types = true')}\n${status('true')}`],
    unknown: [`${recorder('all_supported = true\n    include_global_resource_types = var.global')}\n${status('true')}`],
  },
  CKV_AWS_238: { fail: [res('aws_guardduty_detector', 'enable = false')], pass: [res('aws_guardduty_detector', 'enable = true')], unknown: [res('aws_guardduty_detector', 'enable = var.on')] },
  // EKS and EC2
  CKV_AWS_38: { fail: [eks('endpoint_public_access = true'), eks('public_access_cidrs = ["0.0.0.0/0"]')], pass: [eks('endpoint_public_access = false'), eks('endpoint_public_access = true\n    public_access_cidrs = ["203.0.113.0/24"]')], unknown: [eks('endpoint_public_access = true\n    public_access_cidrs = var.cidrs')] },
  CKV_AWS_39: { fail: [eks('')], pass: [eks('endpoint_public_access = false')], unknown: [eks('endpoint_public_access = var.public')] },
  CKV_AWS_58: { fail: [eks('endpoint_public_access = false')], pass: [eks('endpoint_public_access = false', 'encryption_config {\n    resources = ["secrets"]\n    provider {\n      key_arn = aws_kms_key.k.arn\n    }\n  }'), eks('endpoint_public_access = false', 'encryption_config {\n    resources = ["secrets"]\n  }')], unknown: [eks('endpoint_public_access = false', 'encryption_config {\n    resources = var.encrypted\n    provider {\n      key_arn = "k"\n    }\n  }')] },
  CKV_AWS_37: { fail: [eks('endpoint_public_access = false', 'enabled_cluster_log_types = ["api", "audit"]')], pass: [eks('endpoint_public_access = false', 'enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]')], unknown: [eks('endpoint_public_access = false', 'enabled_cluster_log_types = var.types')] },
  CKV_AWS_339: { fail: [eks('endpoint_public_access = false', 'version = "1.20"')], pass: [eks('endpoint_public_access = false', 'version = "1.35"')], unknown: [eks('endpoint_public_access = false', 'version = var.version')] },
  CKV_AWS_100: {
    fail: [res('aws_eks_node_group', 'cluster_name = "c"\n  node_role_arn = "r"\n  subnet_ids = ["a"]\n  remote_access {\n    ec2_ssh_key = "k"\n  }')],
    pass: [res('aws_eks_node_group', 'cluster_name = "c"\n  node_role_arn = "r"\n  subnet_ids = ["a"]\n  remote_access {\n    ec2_ssh_key = "k"\n    source_security_group_ids = ["sg"]\n  }'), res('aws_eks_node_group', 'cluster_name = "c"\n  node_role_arn = "r"\n  subnet_ids = ["a"]')],
    unknown: [res('aws_eks_node_group', 'cluster_name = "c"\n  node_role_arn = "r"\n  subnet_ids = ["a"]\n  remote_access = var.remote_access')],
  },
  CKV_AWS_79: {
    fail: [res('aws_instance', 'ami = "a"\n  instance_type = "t3.micro"'), res('aws_launch_configuration', 'image_id = "a"\n  instance_type = "t3.micro"\n  metadata_options {\n    http_tokens = "optional"\n  }')],
    pass: [res('aws_instance', 'ami = "a"\n  metadata_options {\n    http_tokens = "required"\n  }'), res('aws_instance', 'ami = "a"\n  metadata_options {\n    http_endpoint = "disabled"\n  }')],
    unknown: [res('aws_launch_template', 'name = "t"\n  metadata_options {\n    http_tokens = var.tokens\n  }')],
  },
  CKV_AWS_341: {
    fail: [res('aws_launch_template', 'name = "t"\n  metadata_options {\n    http_tokens = "required"\n    http_put_response_hop_limit = 2\n  }')],
    pass: [res('aws_launch_template', 'name = "t"\n  metadata_options {\n    http_tokens = "required"\n  }'), res('aws_instance', 'ami = "a"\n  metadata_options {\n    http_tokens = "required"\n    http_put_response_hop_limit = 2\n  }')],
    unknown: [res('aws_launch_configuration', 'image_id = "a"\n  metadata_options {\n    http_tokens = "required"\n    http_put_response_hop_limit = var.hops\n  }')],
  },
  CKV_AWS_8: {
    fail: [res('aws_launch_configuration', 'image_id = "a"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = false\n  }')],
    pass: [res('aws_launch_configuration', 'image_id = "a"\n  instance_type = "t3.micro"\n  root_block_device {\n    encrypted = true\n  }\n  ebs_block_device {\n    device_name = "/dev/sdb"\n    snapshot_id = "snap-1"\n  }'),
      res('aws_launch_template', 'name = "t"\n  block_device_mappings {\n    device_name = "/dev/xvda"\n    ebs {\n      volume_size = 20\n    }\n  }')],
    unknown: [res('aws_launch_configuration', 'image_id = "a"\n  root_block_device {\n    encrypted = var.e\n  }')],
  },
  CKV_AWS_389: { fail: [res('aws_launch_configuration', 'image_id = "a"\n  associate_public_ip_address = true')], pass: [res('aws_launch_configuration', 'image_id = "a"')], unknown: [res('aws_launch_configuration', 'image_id = "a"\n  associate_public_ip_address = var.p')] },
  // GitHub
  CKV_GIT_1: { fail: [res('github_repository', 'name = "r"'), res('github_repository', 'name = "r"\n  visibility = "public"')], pass: [res('github_repository', 'name = "r"\n  visibility = "internal"'), res('github_repository', 'name = "r"\n  private = true')], unknown: [res('github_repository', 'name = "r"\n  visibility = var.v')] },
  CKV_GIT_3: {
    fail: [res('github_repository', 'name = "r"\n  visibility = "private"'), res('github_repository', 'name = "r"\n  vulnerability_alerts = false')],
    // public repositories have alerts on by default; archived ones cannot turn them on
    pass: [res('github_repository', 'name = "r"\n  vulnerability_alerts = true'), res('github_repository', 'name = "r"'), res('github_repository', 'name = "r"\n  private = true\n  archived = true')],
    unknown: [res('github_repository', 'name = "r"\n  visibility = "private"\n  vulnerability_alerts = var.a')],
  },
  CKV2_GIT_1: {
    fail: [res('github_repository', 'name = "r"')],
    pass: [`${res('github_repository', 'name = "r"')}\nresource "github_branch_protection" "p" {\n  repository_id = github_repository.this.node_id\n  pattern = "main"\n}`],
  },
  CKV_GIT_4: {
    fail: [res('github_actions_secret', 'repository = "r"\n  secret_name = "s"\n  plaintext_value = "hunter2"')],
    pass: [res('github_actions_secret', 'repository = "r"\n  secret_name = "s"\n  encrypted_value = "c2VhbGVk"'), res('github_actions_secret', 'repository = "r"\n  secret_name = "s"\n  plaintext_value = ""')],
    unknown: [res('github_actions_environment_secret', 'repository = "r"\n  environment = "e"\n  secret_name = "s"\n  plaintext_value = var.secret')],
  },
  CKV_GIT_5: {
    fail: [res('github_branch_protection', 'repository_id = "r"\n  pattern = "main"\n  required_pull_request_reviews {\n    required_approving_review_count = 1\n  }'), res('github_branch_protection_v3', 'repository = "r"\n  branch = "main"')],
    pass: [res('github_branch_protection', 'repository_id = "r"\n  pattern = "main"\n  required_pull_request_reviews {\n    required_approving_review_count = 2\n  }')],
    unknown: [res('github_branch_protection', 'repository_id = "r"\n  pattern = "main"\n  required_pull_request_reviews {\n    required_approving_review_count = var.reviews\n  }')],
  },
  CKV_GIT_2: {
    fail: [res('github_repository_webhook', 'repository = "r"\n  events = ["push"]\n  configuration {\n    url = "https://hooks.example.com"\n    insecure_ssl = true\n  }')],
    pass: [res('github_repository_webhook', 'repository = "r"\n  events = ["push"]\n  configuration {\n    url = "https://hooks.example.com"\n  }'), res('github_repository_webhook', 'repository = "r"\n  events = ["push"]\n  configuration {\n    url = "http://hooks.example.com"\n  }')],
    unknown: [res('github_repository_webhook', 'repository = "r"\n  events = ["push"]\n  configuration {\n    url = "https://hooks.example.com"\n    insecure_ssl = var.insecure\n  }')],
  },
  // Kubernetes
  CKV_K8S_10: { fail: [pod('resources {\n        limits = { cpu = "1", memory = "1Gi" }\n        requests = { memory = "1Gi" }\n      }')], pass: [pod('resources {\n        requests = { cpu = "1" }\n      }')], unknown: [pod('resources = var.resources')] },
  CKV_K8S_11: { fail: [pod('resources {\n        requests = { cpu = "1", memory = "1Gi" }\n        limits = { memory = "1Gi" }\n      }')], pass: [pod('resources {\n        limits = { cpu = "1" }\n      }')], unknown: [deployment('resources = var.resources')] },
  // a missing memory limit cites the memory-limit check alone
  CKV_K8S_12: { fail: [res('kubernetes_pod', 'metadata {\n    name = "p"\n    namespace = "t"\n  }'), deployment('resources {\n        requests = { cpu = "1", memory = "1Gi" }\n        limits = { cpu = "1" }\n      }')], pass: [deployment('resources {\n        limits = { memory = "1Gi" }\n      }')], unknown: [deployment('resources = var.resources')] },
  CKV_K8S_13: { fail: [pod('')], pass: [pod('resources {\n        requests = { memory = "1Gi" }\n      }')], unknown: [pod('resources = var.resources')] },
  CKV_K8S_14: { fail: [pod('').replace('app:1.2.3', 'app:latest'), pod('').replace('app:1.2.3', 'app')], pass: [pod('').replace('app:1.2.3', 'app@sha256:abc')], unknown: [pod('').replace('"registry.example.com/app:1.2.3"', 'var.image')] },
  CKV_K8S_16: { fail: [pod('security_context {\n        privileged = true\n      }')], pass: [pod('security_context {\n        privileged = false\n      }')], unknown: [pod('security_context {\n        privileged = var.p\n      }')] },
  CKV_K8S_17: { fail: [pod('', 'host_pid = true')], pass: [pod('')], unknown: [pod('', 'host_pid = var.h')] },
  CKV_K8S_18: { fail: [pod('', 'host_ipc = true')], pass: [pod('', 'host_ipc = false')], unknown: [pod('', 'host_ipc = var.ipc')] },
  CKV_K8S_19: { fail: [pod('', 'host_network = true')], pass: [pod('')], unknown: [pod('', 'host_network = var.net')] },
  CKV_K8S_20: {
    fail: [pod('security_context {\n        allow_privilege_escalation = true\n      }')],
    // unset fails Pod Security restricted (and GP-K8S-005), not Checkov
    pass: [pod('security_context {\n        allow_privilege_escalation = false\n      }'), pod('security_context {\n        privileged = false\n      }')],
    unknown: [pod('security_context {\n        allow_privilege_escalation = var.ape\n      }')],
  },
  CKV_K8S_21: {
    fail: [res('kubernetes_service', 'metadata {\n    name = "s"\n  }'), res('kubernetes_ingress_v1', 'metadata {\n    name = "i"\n    namespace = "default"\n  }'), res('kubernetes_role_binding', 'metadata {\n    name = "b"\n  }')],
    pass: [res('kubernetes_config_map', 'metadata {\n    name = "c"\n    namespace = "team"\n  }'), res('kubernetes_secret', 'metadata {\n    name = "c"\n    namespace = kubernetes_namespace.team.metadata[0].name\n  }')],
    unknown: [res('kubernetes_service', 'metadata {\n    name = "s"\n    namespace = var.namespace\n  }')],
  },
  CKV_K8S_22: { fail: [pod('')], pass: [pod('security_context {\n        read_only_root_filesystem = true\n      }')], unknown: [pod('security_context {\n        read_only_root_filesystem = var.ro\n      }')] },
  CKV_K8S_25: { fail: [pod(caps('drop = ["ALL"]\n          add = ["NET_ADMIN"]'))], pass: [pod(caps('drop = ["ALL"]'))], unknown: [pod(caps('drop = ["ALL"]\n          add = var.add'))] },
  CKV_K8S_28: { fail: [pod(''), res('kubernetes_deployment_v1', 'metadata {\n    name = "d"\n    namespace = "t"\n  }'), deployment(caps('drop = ["MKNOD"]'))], pass: [pod(caps('drop = ["ALL"]')), pod(caps('drop = ["NET_RAW"]'))], unknown: [pod(caps('drop = var.drop'))] },
  CKV_K8S_37: { fail: [pod(caps('drop = ["NET_RAW"]'))], pass: [pod(caps('drop = ["ALL"]')), pod('')], unknown: [pod(caps('drop = var.drop'))] },
  CKV_K8S_39: { fail: [pod(caps('drop = ["ALL"]\n          add = ["SYS_ADMIN"]'))], pass: [pod(caps('drop = ["ALL"]\n          add = ["NET_ADMIN"]'))], unknown: [pod(caps('drop = ["ALL"]\n          add = var.caps'))] },
  CKV_K8S_26: { fail: [pod('port {\n        container_port = 8080\n        host_port = 8080\n      }')], pass: [pod('port {\n        container_port = 8080\n      }')], unknown: [pod('port {\n        container_port = 8080\n        host_port = var.host_port\n      }')] },
  CKV_K8S_27: {
    fail: [res('kubernetes_pod', 'metadata {\n    name = "p"\n    namespace = "t"\n  }\n  spec {\n    container {\n      name = "c"\n      image = "i:1"\n    }\n    volume {\n      name = "sock"\n      host_path {\n        path = "/var/run/docker.sock"\n      }\n    }\n  }')],
    // other host paths fail Pod Security baseline (GP-K8S-010), not this check
    pass: [res('kubernetes_pod', 'metadata {\n    name = "p"\n    namespace = "t"\n  }\n  spec {\n    container {\n      name = "c"\n      image = "i:1"\n    }\n    volume {\n      name = "logs"\n      host_path {\n        path = "/var/log"\n      }\n    }\n  }')],
  },
  CKV_K8S_29: {
    // a container without any security_context, or no pod spec at all
    fail: [pod(''), res('kubernetes_daemonset', 'metadata {\n    name = "d"\n    namespace = "t"\n  }'), deployment('')],
    pass: [pod(caps('drop = ["ALL"]')), deployment('security_context {\n            read_only_root_filesystem = true\n          }')],
    unknown: [pod('security_context = var.security_context')],
  },
  CKV_K8S_30: { fail: [pod('')], pass: [pod('security_context {\n        allow_privilege_escalation = false\n      }'), pod('security_context {\n        read_only_root_filesystem = true\n      }')], unknown: [pod('security_context = var.security_context')] },
  CKV_K8S_8: { fail: [pod('readiness_probe {\n        http_get {\n          path = "/"\n          port = 8080\n        }\n      }')], pass: [pod('liveness_probe {\n        http_get {\n          path = "/"\n          port = 8080\n        }\n      }')] },
  CKV_K8S_9: { fail: [pod('liveness_probe {\n        http_get {\n          path = "/"\n          port = 8080\n        }\n      }')], pass: [pod('readiness_probe {\n        http_get {\n          path = "/"\n          port = 8080\n        }\n      }')] },
  CKV_K8S_42: {
    fail: [res('kubernetes_role_binding_v1', 'metadata {\n    name = "b"\n    namespace = "t"\n  }\n  role_ref {\n    api_group = "rbac.authorization.k8s.io"\n    kind = "Role"\n    name = "r"\n  }\n  subject {\n    kind = "ServiceAccount"\n    name = "default"\n    namespace = "t"\n  }')],
    pass: [res('kubernetes_role_binding_v1', 'metadata {\n    name = "b"\n    namespace = "t"\n  }\n  role_ref {\n    api_group = "rbac.authorization.k8s.io"\n    kind = "Role"\n    name = "r"\n  }\n  subject {\n    kind = "ServiceAccount"\n    name = "app"\n    namespace = "t"\n  }')],
    unknown: [res('kubernetes_role_binding_v1', 'metadata {\n    name = "b"\n    namespace = "t"\n  }\n  role_ref {\n    api_group = "rbac.authorization.k8s.io"\n    kind = "Role"\n    name = "r"\n  }\n  subject {\n    kind = "ServiceAccount"\n    name = var.account\n    namespace = "t"\n  }')],
  },
  CKV_K8S_49: {
    fail: [res('kubernetes_cluster_role_v1', 'metadata {\n    name = "r"\n  }\n  rule {\n    api_groups = [""]\n    resources = ["*"]\n    verbs = ["get"]\n  }')],
    pass: [res('kubernetes_role', 'metadata {\n    name = "r"\n    namespace = "t"\n  }\n  rule {\n    api_groups = [""]\n    resources = ["pods"]\n    verbs = ["get"]\n  }')],
    unknown: [res('kubernetes_role', 'metadata {\n    name = "r"\n    namespace = "t"\n  }\n  rule {\n    api_groups = [""]\n    resources = var.resources\n    verbs = ["get"]\n  }')],
  },
};
