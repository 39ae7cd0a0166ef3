import { Rule } from '../model';
import { citing, collect, fail, forbid, get, isExpression, PASS, requireSet, requireTrue, unknown } from '../values';

export const AUDIT_RULES: Rule[] = [
  {
    id: 'GP-TRAIL-001',
    title: 'CloudTrail covers all regions',
    severity: 'error',
    rationale: 'An attacker works in the region nobody watches.',
    remediation: 'Set is_multi_region_trail = true.',
    resourceTypes: ['aws_cloudtrail'],
    checkov: ['CKV_AWS_67'],
    cis: ['3.1'],
    evaluate: (r) => requireTrue(r.config, 'is_multi_region_trail', 'the trail is single-region'),
  },
  {
    id: 'GP-TRAIL-002',
    title: 'CloudTrail validates log files',
    severity: 'error',
    rationale: 'Digest files prove the log was not edited after delivery.',
    remediation: 'Set enable_log_file_validation = true.',
    resourceTypes: ['aws_cloudtrail'],
    checkov: ['CKV_AWS_36'],
    cis: ['3.2'],
    evaluate: (r) => requireTrue(r.config, 'enable_log_file_validation', 'log file validation is off'),
  },
  {
    id: 'GP-TRAIL-003',
    title: 'CloudTrail is encrypted with a KMS key',
    severity: 'error',
    rationale: 'Audit logs name every principal and resource; SSE-KMS keeps them behind a key policy.',
    remediation: 'Set kms_key_id.',
    resourceTypes: ['aws_cloudtrail'],
    checkov: ['CKV_AWS_35'],
    cis: ['3.5'],
    evaluate: (r) => requireSet(r.config, 'kms_key_id', 'no kms_key_id'),
  },
  {
    id: 'GP-TRAIL-004',
    title: 'CloudTrail records global service events and is logging',
    severity: 'error',
    rationale: 'IAM and STS events are global; a trail that is stopped or skips them misses the most sensitive calls.',
    remediation: 'Leave include_global_service_events and enable_logging at true.',
    resourceTypes: ['aws_cloudtrail'],
    checkov: ['CKV_AWS_251'],
    evaluate(r) {
      for (const key of ['enable_logging', 'include_global_service_events']) {
        const v = r.config[key];
        if (isExpression(v)) return unknown(key);
        // CKV_AWS_251 looks at enable_logging only
        if (v === false || v === 'false') return fail(`${key} is false`, key, key === 'enable_logging' ? ['CKV_AWS_251'] : []);
      }
      return PASS;
    },
  },
  {
    id: 'GP-TRAIL-005',
    title: 'CloudTrail also delivers to CloudWatch Logs',
    severity: 'info',
    rationale: 'Metric filters and alarms on API calls need the trail in CloudWatch Logs.',
    remediation: 'Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn.',
    resourceTypes: ['aws_cloudtrail'],
    checkov: ['CKV2_AWS_10'],
    checkovDifferences: 'A log group ARN that names a group kept outside this configuration (another stack, another account) passes here; CKV2_AWS_10 also wants the aws_cloudwatch_log_group resource in the same configuration.',
    cis: ['3.4'],
    evaluate: (r) => requireSet(r.config, 'cloud_watch_logs_group_arn', 'the trail is not sent to CloudWatch Logs'),
  },
  {
    id: 'GP-CFG-001',
    title: 'AWS Config records every resource type, including global ones',
    severity: 'error',
    rationale: 'Config is the inventory and change history; gaps hide changes.',
    remediation: 'Set recording_group.all_supported = true and include_global_resource_types = true.',
    resourceTypes: ['aws_config_configuration_recorder'],
    checkov: ['CKV2_AWS_48', 'CKV2_AWS_45'],
    cis: ['3.3'],
    evaluate(r) {
      const all = get(r.config, 'recording_group.all_supported');
      const global = get(r.config, 'recording_group.include_global_resource_types');
      return collect([
        isExpression(all) ? unknown('recording_group.all_supported') : all === false || all === 'false'
          ? fail('recording_group.all_supported is false', 'recording_group.all_supported', ['CKV2_AWS_45']) : PASS,
        isExpression(global) ? unknown('recording_group.include_global_resource_types') : global === true || global === 'true' ? PASS
          : fail('include_global_resource_types is not true', 'recording_group.include_global_resource_types', ['CKV2_AWS_48']),
      ]);
    },
  },
  {
    id: 'GP-CFG-002',
    title: 'AWS Config recorder is switched on',
    severity: 'error',
    rationale: 'A recorder without an enabled status records nothing.',
    remediation: 'Add aws_config_configuration_recorder_status with is_enabled = true.',
    resourceTypes: ['aws_config_configuration_recorder_status'],
    checkov: ['CKV2_AWS_45', 'CKV2_AWS_48'],
    evaluate(r, stack) {
      // Checkov's CKV2_AWS_45 and CKV2_AWS_48 judge the status together with its recorder
      const enabled = citing(requireTrue(r.config, 'is_enabled', 'is_enabled is not true'), ['CKV2_AWS_45', 'CKV2_AWS_48']);
      if (enabled.status !== 'pass') return enabled;
      const recorder = stack.ofType('aws_config_configuration_recorder').find((rec) => stack.attached(rec, [r.type], 'name', 'name').includes(r));
      if (!recorder) return isExpression(r.config.name) ? unknown('name', 'names a recorder this stack does not define') : fail('no aws_config_configuration_recorder in this stack has this name', 'name', ['CKV2_AWS_45', 'CKV2_AWS_48']);
      const all = get(recorder.config, 'recording_group.all_supported');
      const global = get(recorder.config, 'recording_group.include_global_resource_types');
      return collect([
        isExpression(all) ? unknown('recording_group.all_supported') : all === false ? fail(`${recorder.address} does not record all supported types`, 'name', ['CKV2_AWS_45']) : PASS,
        isExpression(global) ? unknown('recording_group.include_global_resource_types') : global === true ? PASS : fail(`${recorder.address} does not record global resource types`, 'name', ['CKV2_AWS_48']),
      ]);
    },
  },
  {
    id: 'GP-GD-001',
    title: 'GuardDuty detector is enabled',
    severity: 'error',
    rationale: 'GuardDuty flags credential misuse, crypto-mining and exfiltration from the logs AWS already has.',
    remediation: 'Leave enable at true on aws_guardduty_detector.',
    resourceTypes: ['aws_guardduty_detector'],
    checkov: ['CKV_AWS_238'],
    evaluate: (r) => forbid(r.config, 'enable', false),
  },
  {
    id: 'GP-AA-001',
    title: 'Access Analyzer covers the account or organisation',
    severity: 'warning',
    rationale: 'Access Analyzer reports resources shared outside the zone of trust.',
    remediation: 'Use type ACCOUNT or ORGANIZATION (the unused-access types do not report external sharing).',
    resourceTypes: ['aws_accessanalyzer_analyzer'],
    evaluate(r) {
      const t = r.config.type ?? 'ACCOUNT';
      if (isExpression(t)) return unknown('type');
      return t === 'ACCOUNT' || t === 'ORGANIZATION' ? PASS : fail(`type is ${String(t)}`, 'type');
    },
  },
];
