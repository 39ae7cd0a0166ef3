export * from './portal-site';
