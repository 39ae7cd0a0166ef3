export * from './core';
export * from './golden-path';
