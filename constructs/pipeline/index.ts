export * from './codebuild-runner';
export * from './delivery-workflow';
export * from './github-oidc-deploy-role';
export * from './repository';
export * from './workflow';
