/**
 * Metric maths for Journey Studio: exact definitions (domain.md), confidence intervals, targets,
 * aggregation, breakdown classification and trends. Pure functions, no I/O.
 */
export * from './aggregate';
export * from './breakdown';
export * from './checked';
export * from './compute';
export * from './definitions';
export * from './distribution';
export * from './intervals';
export * from './periods';
export * from './probability';
export * from './significance';
export * from './targets';
