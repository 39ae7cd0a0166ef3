export * from './golden-paths';
export * from './graph';
export * from './site';
