export * from './alert-routing';
export * from './burn-rate';
export * from './promql';
export * from './service-dashboard';
export * from './service-tracing';
export * from './slo';
export * from './trace-collector';
export * from './tracing';
