export * from './model';
export * from './scorecards';
export * from './write';
