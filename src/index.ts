export * from './core';
export * from './golden-path';
export * from './policy';
export * from './plan';
export * from './plugins';
