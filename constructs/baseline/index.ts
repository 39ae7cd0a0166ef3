export * from './access-logs-bucket';
export * from './account-baseline';
export * from './audit-trail';
export * from './config-recorder';
export * from './encryption-key';
export * from './secure-bucket';
export * from './service-role';
export * from './state-backend';
