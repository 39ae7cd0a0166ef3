import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudfrontOriginAccessControl } from '@cdktf/provider-aws/lib/cloudfront-origin-access-control';
import { Wafv2IpSet } from '@cdktf/provider-aws/lib/wafv2-ip-set';
import { Construct } from 'constructs';
import { Lazy, TerraformProvider } from '../../src/cdk';
import { GoldenPathContext } from '../../src/core/context';
import { PlatformValidationError } from '../../src/core/errors';
import { deriveName, validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { rawResource } from '../../src/core/raw-resource';
import { standardTags } from '../../src/core/tags';
import { markGoldenPath } from '../../src/golden-path';
import { EncryptionKey, validateAccountId } from '../baseline/encryption-key';
import { SecureBucket } from '../baseline/secure-bucket';
import { parseIpv4Cidr } from '../environment/cidr';

/** AWS-managed CloudFront policies: cache static files well; send security headers (HSTS, nosniff, frame options). */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const SECURITY_HEADERS = '67f7725c-6f97-4210-82d7-5512b31e9d03';

export interface PortalSiteProps {
  readonly accountId: string;
  /** The bucket that holds the site (3–63 lowercase letters, digits and hyphens). */
  readonly bucketName: string;
  /**
   * Who may open the portal: these CIDRs (office, VPN) and nobody else, through a WAF web ACL
   * that blocks by default. Needs `wafProvider`. Give this or `webAclArn`.
   * @default - `webAclArn`
   */
  readonly allowedCidrs?: string[];
  /** An AWS provider for us-east-1, where CloudFront's web ACLs live. Required with `allowedCidrs`. @default - none */
  readonly wafProvider?: TerraformProvider;
  /** An existing CLOUDFRONT-scope web ACL (an SSO proxy rule, IP sets you manage). @default - made from `allowedCidrs` */
  readonly webAclArn?: string;
  /** Bucket for S3 server access logs of the site bucket. @default - no access logging */
  readonly accessLogsBucket?: string;
  /** Custom domain names, with an ACM certificate in us-east-1; enables TLS 1.2+ only. @default - the CloudFront domain */
  readonly domainNames?: string[];
  /** ACM certificate ARN for `domainNames`. @default - none */
  readonly certificateArn?: string;
}

/** PortalSiteProps, checked at runtime. */
const PORTAL_SITE_PROPS: PropsSchema = {
  accountId: P.string(),
  bucketName: P.string(),
  allowedCidrs: opt(P.list(P.string())),
  wafProvider: opt(P.any('an AWS provider for us-east-1')),
  webAclArn: opt(P.string()),
  accessLogsBucket: opt(P.string()),
  domainNames: opt(P.list(P.string())),
  certificateArn: opt(P.string()),
};

/**
 * Hosting for the portal: a private, encrypted bucket that only this CloudFront distribution
 * can read (origin access control, SigV4), HTTPS only with security headers, and never open to
 * the internet: a web ACL that admits only the allowed networks (or one you bring). Upload the
 * output of `goldenpath portal` with `aws s3 sync`.
 */
export class PortalSite extends Construct {
  public readonly bucket: SecureBucket;
  public readonly distribution: CloudfrontDistribution;
  /** https URL of the portal. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: PortalSiteProps) {
    super(scope, id);
    checkProps(this, props, PORTAL_SITE_PROPS, 'PortalSiteProps');
    markGoldenPath(this, 'portal-site');
    validateAccountId(this, 'accountId', props.accountId);
    validateName(this, 'bucketName', props.bucketName, 's3Bucket');
    if ((props.allowedCidrs === undefined) === (props.webAclArn === undefined)) {
      throw new PlatformValidationError(this, 'allowedCidrs', props.allowedCidrs, 'or `webAclArn` must say who may open the portal (exactly one of them): a portal that lists every service and account is never public');
    }
    (props.allowedCidrs ?? []).forEach((cidr, i) => {
      const block = parseIpv4Cidr(cidr);
      if (!block) throw new PlatformValidationError(this, `allowedCidrs[${i}]`, cidr, 'must be an IPv4 CIDR block');
      if (block.prefix < 8) throw new PlatformValidationError(this, `allowedCidrs[${i}]`, cidr, 'must not open the portal to the internet (0.0.0.0/0 or any block wider than /8)');
    });
    if (props.allowedCidrs?.length === 0) throw new PlatformValidationError(this, 'allowedCidrs', [], 'must list at least one network');
    if (props.allowedCidrs && !props.wafProvider) throw new PlatformValidationError(this, 'wafProvider', undefined, 'must be an AWS provider for us-east-1 (CloudFront web ACLs live there)');
    if ((props.domainNames === undefined) !== (props.certificateArn === undefined)) {
      throw new PlatformValidationError(this, 'certificateArn', props.certificateArn, 'and `domainNames` go together');
    }

    const key = new EncryptionKey(this, 'key', { accountId: props.accountId, purpose: `${props.bucketName}-portal`, allowServices: ['cloudfront.amazonaws.com'] });
    let distributionArn = '';
    this.bucket = new SecureBucket(this, 'bucket', {
      bucketName: props.bucketName,
      kmsKeyArn: key.keyArn,
      accessLogsBucket: props.accessLogsBucket,
      // only this distribution reads, and only objects; the ARN is known once the distribution exists
      policyStatements: [{
        Sid: 'CloudFrontReadsThroughOriginAccessControl',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${props.bucketName}/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': Lazy.stringValue({ produce: () => distributionArn }) } },
      }],
    });
    const oac = new CloudfrontOriginAccessControl(this, 'oac', {
      name: deriveName('iamRole', props.bucketName, 'oac'),
      originAccessControlOriginType: 's3',
      signingBehavior: 'always',
      signingProtocol: 'sigv4',
    });
    let webAclId = props.webAclArn;
    if (props.allowedCidrs) {
      const ipSet = new Wafv2IpSet(this, 'allowed', {
        name: deriveName('iamRole', props.bucketName, 'allowed'),
        scope: 'CLOUDFRONT',
        ipAddressVersion: 'IPV4',
        addresses: [...props.allowedCidrs].sort(),
        provider: props.wafProvider,
      });
      const metric = deriveName('iamRole', props.bucketName, 'portal');
      const acl = rawResource(this, 'web-acl', 'aws_wafv2_web_acl', 'aws', {
        name: metric,
        scope: 'CLOUDFRONT',
        default_action: { block: {} },
        rule: [{
          name: 'allowed-networks',
          priority: 0,
          action: { allow: {} },
          statement: { ip_set_reference_statement: { arn: ipSet.arn } },
          visibility_config: { cloudwatch_metrics_enabled: true, metric_name: `${metric}-allowed`, sampled_requests_enabled: true },
        }],
        visibility_config: { cloudwatch_metrics_enabled: true, metric_name: metric, sampled_requests_enabled: true },
        // written raw (the typed rule blocks are unwieldy), so the standard tags are set here
        tags: standardTags(GoldenPathContext.of(this)),
      });
      acl.provider = props.wafProvider;
      webAclId = `\${${acl.terraformResourceType}.${acl.friendlyUniqueId}.arn}`;
    }
    const origin = 'portal-bucket';
    this.distribution = new CloudfrontDistribution(this, 'distribution', {
      enabled: true,
      comment: `goldenpath portal ${props.bucketName}`,
      defaultRootObject: 'index.html',
      httpVersion: 'http2and3',
      priceClass: 'PriceClass_100',
      webAclId,
      aliases: props.domainNames,
      origin: [{ originId: origin, domainName: this.bucket.bucket.bucketRegionalDomainName, originAccessControlId: oac.id }],
      defaultCacheBehavior: {
        targetOriginId: origin,
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        compress: true,
        cachePolicyId: CACHING_OPTIMIZED,
        responseHeadersPolicyId: SECURITY_HEADERS,
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: props.certificateArn
        ? { acmCertificateArn: props.certificateArn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' }
        : { cloudfrontDefaultCertificate: true },
    });
    distributionArn = this.distribution.arn;
    this.url = `https://${props.domainNames?.[0] ?? this.distribution.domainName}`;
  }
}
