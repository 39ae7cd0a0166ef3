// What `goldenpath new` makes, apart from how: the CLI's flags read this without loading the scaffolder.
export type ScaffoldKind = 'service' | 'platform' | 'distribution' | 'plugin';
export type ServiceTemplate = 'web-service' | 'worker';
export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = ['web-service', 'worker'];
