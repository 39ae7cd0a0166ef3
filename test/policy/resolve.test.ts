import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Fn, TerraformLocal, TerraformVariable } from 'cdktf';
import { TerraformStack, Testing } from '../../src/cdk';
import { evaluateExpression, resolveTemplate, splitTemplate, Unresolved } from '../../src/policy/hcl-expression';
import { policyDocumentJson, resolveDocument } from '../../src/policy/resolve';

const none = { variable: () => undefined, local: () => undefined, data: () => undefined };
const config = (json: any, address: string) => resolveDocument(json).find((r) => `${r.type}.${r.name}` === address)!.config;

describe('Terraform expressions', () => {
  test('literals, tuples and objects (commas or newlines) evaluate', () => {
    expect(evaluateExpression('{ a = 1, "b" = [true, null, "x"]\n c: -2.5 }', none)).toEqual({ a: 1, b: [true, null, 'x'], c: -2.5 });
    expect(evaluateExpression('"tab\\there \\u0041"', none)).toBe('tab\there A');
    expect(evaluateExpression('{ AWS = ["arn:a", "1234",], Version = "2012-10-17", }', none)).toEqual({ AWS: ['arn:a', '1234'], Version: '2012-10-17' });
  });

  test('what a literal cannot say stays unresolved, with its source text', () => {
    for (const text of ['var.x', 'aws_s3_bucket.b.arn', 'a + 1', 'x ? 1 : 2', '[for s in var.l : s]', 'unknownfn(1)', 'local.x[0]']) {
      const v = evaluateExpression(text, none);
      expect(v).toBeInstanceOf(Unresolved);
      expect((v as Unresolved).text).toBe(text);
    }
  });

  test('jsonencode keeps unresolved parts as expressions inside the JSON', () => {
    const v = evaluateExpression('jsonencode({ Resource = "${aws_s3_bucket.b.arn}/*", Who = var.who })', none);
    expect(JSON.parse(v as string)).toEqual({ Resource: '${aws_s3_bucket.b.arn}/*', Who: '${var.who}' });
  });

  test('templates substitute what is known and keep the rest', () => {
    const scope = { ...none, variable: (n: string) => (n === 'env' ? 'prod' : undefined) };
    expect(resolveTemplate('acme-${var.env}-${aws_s3_bucket.b.id}', scope)).toBe('acme-prod-${aws_s3_bucket.b.id}');
    expect(splitTemplate('a $${literal} ${x}')).toEqual(['a ${literal} ', { expr: 'x' }]);
  });
});

describe('resolving a Terraform document', () => {
  test('variables with defaults and locals (also locals built from variables) resolve; variables without defaults do not', () => {
    const json = {
      variable: { env: [{ default: 'prod' }], secret: [{}] },
      locals: [{ name: 'acme-${var.env}' }, { tags: { env: '${var.env}' }, loop: '${local.loop}' }],
      resource: { x_thing: { a: [{ name: '${local.name}', tags: '${local.tags}', s: '${var.secret}', l: '${local.loop}' }] } },
    };
    expect(config(json, 'x_thing.a')).toEqual({ name: 'acme-prod', tags: { env: 'prod' }, s: '${var.secret}', l: '${local.loop}' });
  });

  test('a dynamic block is rendered from its content; with a for_each known only at plan time, the resource also comes without it', () => {
    const json = {
      variable: { none: { default: [] }, two: { default: ['a', 'b'] } },
      resource: {
        x_thing: {
          a: {
            dynamic: {
              rule: { for_each: '${var.rules}', content: { x: 1, v: '${rule.value}' } },
              off: { for_each: '${var.none}', content: { z: 1 } },
              on: { for_each: '${var.two}', content: { z: 2 } },
            },
            other: [{ y: 1 }],
          },
        },
      },
    };
    const [r] = resolveDocument(json);
    expect(r.config).toEqual({ rule: [{ x: 1, v: '${rule.value}' }], on: [{ z: 2 }], other: [{ y: 1 }] });
    expect(r.withoutDynamicBlocks).toEqual({ on: [{ z: 2 }], other: [{ y: 1 }] });
    expect(r.dynamicBlocks).toEqual(['rule']);
  });

  test('cdktf\'s Fn.jsonencode, data policy documents and locals, as cdktf synthesizes them', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const env = new TerraformVariable(stack, 'env', { type: 'string', default: 'prod' });
    const local = new TerraformLocal(stack, 'org', 'o-abc123');
    const doc = new DataAwsIamPolicyDocument(stack, 'doc', {
      statement: [{ effect: 'Deny', actions: ['s3:*'], resources: ['*'], principals: [{ type: '*', identifiers: ['*'] }], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }] }],
    });
    new S3BucketPolicy(stack, 'a', { bucket: `acme-${env.stringValue}`, policy: doc.json });
    new S3BucketPolicy(stack, 'b', { bucket: 'b', policy: Fn.jsonencode({ Statement: [{ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': local.asString } } }] }) });
    const json = JSON.parse(Testing.synth(stack));
    const a = config(json, 'aws_s3_bucket_policy.a');
    expect(a.bucket).toBe('acme-prod');
    expect(JSON.parse(a.policy as string).Statement).toEqual([{ Effect: 'Deny', Action: ['s3:*'], Resource: ['*'], Principal: '*', Condition: { Bool: { 'aws:SecureTransport': ['false'] } } }]);
    expect(JSON.parse(config(json, 'aws_s3_bucket_policy.b').policy as string)).toEqual({ Statement: [{ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }] });
  });

  test('policy documents: principals by type, not_principals, and documents built on unknown ones stay unknown', () => {
    expect(JSON.parse(policyDocumentJson({ statement: [{ actions: 'sts:AssumeRole', principals: [{ type: 'AWS', identifiers: ['arn:a', 'arn:b'] }, { type: 'Service', identifiers: ['ec2.amazonaws.com'] }], not_principals: [{ type: 'AWS', identifiers: ['arn:c'] }] }] })!))
      .toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: ['arn:a', 'arn:b'], Service: ['ec2.amazonaws.com'] }, NotPrincipal: { AWS: ['arn:c'] } }] });
    expect(policyDocumentJson({ source_policy_documents: ['${data.aws_iam_policy_document.other.json}'], statement: [] })).toBeUndefined();
    expect(policyDocumentJson({ statement: '${dynamic.statement}' })).toBeUndefined();
    expect(policyDocumentJson({ override_policy_documents: ['{}'] })).toBeUndefined();
  });

  test('hcl2json (one element per declaration) and cdktf (objects) shapes give the same resources', () => {
    const hcl = { resource: { aws_sqs_queue: { q: [{ name: 'q', tags: { a: 'b' } }] } } };
    const cdk = { resource: { aws_sqs_queue: { q: { '//': { metadata: { path: 's/q' } }, 'name': 'q', 'tags': { a: 'b' } } } } };
    expect(resolveDocument(hcl)[0].config).toEqual(resolveDocument(cdk)[0].config);
    expect(resolveDocument(cdk)[0].meta).toEqual({ metadata: { path: 's/q' } });
  });

  test('values that need no resolving are kept as they are, not copied', () => {
    const raw = { name: 'q', tags: { a: 'b' } };
    expect(resolveDocument({ resource: { aws_sqs_queue: { q: raw } } })[0].config.tags).toBe(raw.tags);
  });
});
