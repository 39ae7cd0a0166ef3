export * from './environment-stack';
export * from './platform';
