export * from './encryption-key';
export * from './secure-bucket';
export * from './state-backend';
