export * from './alert-routing';
export * from './burn-rate';
export * from './promql';
export * from './service-dashboard';
export * from './slo';
