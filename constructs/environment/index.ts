export * from './aws-environment';
export * from './cidr';
export * from './environment-keys';
export * from './kubernetes-cluster';
export * from './network';
export * from './runtime-baseline';
export * from './team-tenancy';
