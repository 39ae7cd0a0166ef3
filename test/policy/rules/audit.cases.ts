import { RuleCases } from './cases';

const trail = (over: object = {}) => ({
  'aws_cloudtrail.t': {
    name: 't',
    s3_bucket_name: 'b',
    is_multi_region_trail: true,
    enable_log_file_validation: true,
    kms_key_id: 'arn:key',
    include_global_service_events: true,
    cloud_watch_logs_group_arn: 'arn:logs:*',
    cloud_watch_logs_role_arn: 'arn:role',
    ...over,
  },
});
const recorder = (group: object) => ({ 'aws_config_configuration_recorder.r': { name: 'r', role_arn: 'arn', recording_group: group } });

export const AUDIT_CASES: Record<string, RuleCases> = {
  'GP-TRAIL-001': { pass: [trail()], fail: [trail({ is_multi_region_trail: false })], unknown: [trail({ is_multi_region_trail: '${var.m}' })] },
  'GP-TRAIL-002': { pass: [trail()], fail: [trail({ enable_log_file_validation: undefined })] },
  'GP-TRAIL-003': { pass: [trail()], fail: [trail({ kms_key_id: undefined })] },
  'GP-TRAIL-004': { pass: [trail(), trail({ include_global_service_events: undefined })], fail: [trail({ enable_logging: false }), trail({ include_global_service_events: false })] },
  'GP-TRAIL-005': { pass: [trail()], fail: [trail({ cloud_watch_logs_group_arn: undefined })] },
  'GP-CFG-001': {
    pass: [recorder({ all_supported: true, include_global_resource_types: true })],
    fail: [recorder({ all_supported: true }), recorder({ all_supported: false, include_global_resource_types: true })],
    unknown: [recorder({ all_supported: '${var.a}', include_global_resource_types: true })],
  },
  'GP-CFG-002': {
    pass: [{ 'aws_config_configuration_recorder_status.s': { name: '${aws_config_configuration_recorder.r.name}', is_enabled: true }, 'aws_config_configuration_recorder.r': { name: 'r', recording_group: { all_supported: true, include_global_resource_types: true } } }],
    fail: [{ 'aws_config_configuration_recorder_status.s': { name: 'r', is_enabled: false } }, { 'aws_config_configuration_recorder_status.s': { name: 'r', is_enabled: true } },
      { 'aws_config_configuration_recorder_status.s': { name: 'r', is_enabled: true }, 'aws_config_configuration_recorder.r': { name: 'r', recording_group: { all_supported: true } } }],
    unknown: [{ 'aws_config_configuration_recorder_status.s': { name: 'r', is_enabled: '${var.on}' } }],
  },
  'GP-GD-001': { pass: [{ 'aws_guardduty_detector.d': {} }, { 'aws_guardduty_detector.d': { enable: true } }], fail: [{ 'aws_guardduty_detector.d': { enable: false } }] },
  'GP-AA-001': { pass: [{ 'aws_accessanalyzer_analyzer.a': { analyzer_name: 'a' } }], fail: [{ 'aws_accessanalyzer_analyzer.a': { analyzer_name: 'a', type: 'ACCOUNT_UNUSED_ACCESS' } }] },
};
