export * from './generate';
export * from './install';
export * from './values';
export * from './write';
