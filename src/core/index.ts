// The only entry point used outside src/core.
export * from './types';
export * from './units';
export * from './config/default-config';
