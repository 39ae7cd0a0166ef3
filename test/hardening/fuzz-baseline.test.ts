// Fuzzed props of the baseline and portal constructs; see fuzz-harness.ts.
import { fuzzConstructs } from './fuzz-harness';
import { AccessLogsBucket, AccountBaseline, AuditTrail, ConfigRecorder, EncryptionKey, SecureBucket, ServiceRole, StateBackend } from '../../constructs/baseline';
import { PortalSite } from '../../constructs/portal';

fuzzConstructs([
  ['AccessLogsBucket', (s, p) => new AccessLogsBucket(s, 'c', p), { accountId: '111111111111', bucketName: 'acme-logs-111111111111', retentionDays: 90 }],
  ['AccountBaseline', (s, p) => new AccountBaseline(s, 'c', p), { accountId: '111111111111', region: 'eu-west-1', org: 'acme', logRetentionDays: 365 }],
  ['AuditTrail', (s, p) => new AuditTrail(s, 'c', p), { accountId: '111111111111', region: 'eu-west-1', bucketName: 'acme-trail-111111111111', logRetentionDays: 365 }],
  ['ConfigRecorder', (s, p) => new ConfigRecorder(s, 'c', p), { accountId: '111111111111', bucketName: 'acme-config-111111111111' }],
  ['EncryptionKey', (s, p) => new EncryptionKey(s, 'c', p), { accountId: '111111111111', purpose: 'data', deletionWindowDays: 30 }],
  ['SecureBucket', (s, p) => new SecureBucket(s, 'c', p), { bucketName: 'acme-data-111111111111', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k', noncurrentVersionDays: 30 }],
  ['ServiceRole', (s, p) => new ServiceRole(s, 'c', p), { accountId: '111111111111', service: 'ec2.amazonaws.com' }],
  ['StateBackend', (s, p) => new StateBackend(s, 'c', p), { org: 'acme', accountId: '111111111111' }],
  ['PortalSite', (s, p) => new PortalSite(s, 'c', p), { accountId: '111111111111', bucketName: 'acme-portal', webAclArn: 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/sso/abc' }],
]);
