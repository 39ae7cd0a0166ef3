import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { PortalSite, PortalSiteProps } from '../../../constructs/portal/portal-site';
import { blockingFindings, contextStack, ofType, synthJson } from '../../helpers';

function site(props: Partial<PortalSiteProps> = {}) {
  const { stack } = contextStack();
  const usEast1 = new AwsProvider(stack, 'us-east-1', { region: 'us-east-1', alias: 'us_east_1' });
  new PortalSite(stack, 'portal', { accountId: '111111111111', bucketName: 'acme-portal', allowedCidrs: ['203.0.113.0/24'], wafProvider: usEast1, ...props });
  return synthJson(stack);
}

describe('PortalSite', () => {
  const json = site();

  test('only this distribution reads the private bucket, through origin access control', () => {
    const [distribution] = ofType(json, 'aws_cloudfront_distribution');
    expect(distribution.origin[0].origin_access_control_id).toMatch(/aws_cloudfront_origin_access_control\.portal_oac_\w+\.id/);
    expect(ofType(json, 'aws_cloudfront_origin_access_control')[0]).toMatchObject({ signing_behavior: 'always', signing_protocol: 'sigv4', origin_access_control_origin_type: 's3' });
    const policy = JSON.parse(ofType(json, 'aws_s3_bucket_policy')[0].policy);
    const read = policy.Statement.find((s: any) => s.Sid === 'CloudFrontReadsThroughOriginAccessControl');
    expect(read).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-portal/*' });
    expect(read.Condition.StringEquals['AWS:SourceArn']).toMatch(/^\$\{aws_cloudfront_distribution\.portal_distribution_\w+\.arn\}$/);
    expect(ofType(json, 'aws_s3_bucket_public_access_block')[0]).toMatchObject({ block_public_acls: true, block_public_policy: true, restrict_public_buckets: true });
  });

  test('HTTPS only with security headers; never public: a web ACL admits only the allowed networks', () => {
    const [distribution] = ofType(json, 'aws_cloudfront_distribution');
    expect(distribution.default_cache_behavior).toMatchObject({ viewer_protocol_policy: 'redirect-to-https', allowed_methods: ['GET', 'HEAD'], response_headers_policy_id: '67f7725c-6f97-4210-82d7-5512b31e9d03' });
    expect(distribution.web_acl_id).toMatch(/^\$\{aws_wafv2_web_acl\.portal_web-acl_\w+\.arn\}$/);
    const [acl] = ofType(json, 'aws_wafv2_web_acl');
    expect(acl).toMatchObject({ scope: 'CLOUDFRONT', default_action: { block: {} }, provider: 'aws.us_east_1' });
    expect(acl.rule[0]).toMatchObject({ action: { allow: {} }, statement: { ip_set_reference_statement: { arn: expect.stringMatching(/aws_wafv2_ip_set/) } } });
    expect(ofType(json, 'aws_wafv2_ip_set')[0]).toMatchObject({ addresses: ['203.0.113.0/24'], scope: 'CLOUDFRONT', provider: 'aws.us_east_1' });
  });

  test('passes every built-in guardrail with no suppression', () => {
    expect(blockingFindings(json)).toEqual([]);
  });

  test('a custom domain gets TLS 1.2 or later only', () => {
    const custom = site({ domainNames: ['portal.acme.example'], certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/abc' });
    expect(ofType(custom, 'aws_cloudfront_distribution')[0].viewer_certificate).toMatchObject({ minimum_protocol_version: 'TLSv1.2_2021', ssl_support_method: 'sni-only' });
  });

  test.each<[string, Partial<PortalSiteProps>, RegExp]>([
    ['no access decision', { allowedCidrs: undefined }, /`allowedCidrs` or `webAclArn` must say who may open the portal .* never public, got nothing/],
    ['the internet', { allowedCidrs: ['0.0.0.0/0'] }, /`allowedCidrs\[0\]` must not open the portal to the internet/],
    ['a bad CIDR', { allowedCidrs: ['10.0.0.0/33'] }, /`allowedCidrs\[0\]` must be an IPv4 CIDR block/],
    ['no us-east-1 provider', { wafProvider: undefined }, /`wafProvider` must be an AWS provider for us-east-1/],
    ['a domain without a certificate', { domainNames: ['portal.acme.example'] }, /`certificateArn` and `domainNames` go together/],
  ])('refuses %s', (_what, over, message) => {
    expect(() => site(over)).toThrow(message);
  });

  test('an existing web ACL instead of networks', () => {
    const own = site({ allowedCidrs: undefined, wafProvider: undefined, webAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/sso/abc' });
    expect(ofType(own, 'aws_cloudfront_distribution')[0].web_acl_id).toBe('arn:aws:wafv2:us-east-1:111111111111:global/webacl/sso/abc');
    expect(ofType(own, 'aws_wafv2_web_acl')).toHaveLength(0);
  });
});
