export * from './proqol5';
export * from './reliable-change';
