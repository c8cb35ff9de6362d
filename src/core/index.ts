// The only entry point used outside src/core.
export * from './types';
export * from './units';
export * from './config/default-config';
export * from './coverage/coverage-shapes';
export * from './coverage/scanline-kernel';
export * from './coverage/compute-coverage';
export * from './coverage/cluster-sites';
export * from './spatial/spatial-index';
export * from './kpi/compute-kpis';
export * from './kpi/evaluate-targets';
export * from './analyze-coverage';
