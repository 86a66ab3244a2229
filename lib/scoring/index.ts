export * from './proqol5';
