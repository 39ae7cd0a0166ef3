export * from './config-diff';
export * from './enrich';
export * from './model';
export * from './plan-reader';
export * from './render-markdown';
export * from './render-text';
export * from './risk';
export * from './values';
