export * from './proqol5';
export * from './wording';
export * from './interpretation';
export * from './guidance';
export * from './history';
export * from './summary';
export * from './norms';
