export * from './displayName';
export * from './fileErrors';
