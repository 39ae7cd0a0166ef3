export * from './engine';
export * from './guardrails';
export * from './model';
export * from './packs';
export * from './stack-view';
export * from './suppressions';
export * from './values';
export * from './reports';
