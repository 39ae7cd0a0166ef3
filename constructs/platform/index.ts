export * from './environment-stack';
export * from './platform';
export * from './platform-outputs';
export * from './service-stack';
