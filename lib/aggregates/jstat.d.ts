// jstat ships no types. Only what lib/aggregates uses is declared, so any other use
// is a compile error until it is declared here (and checked against jstat's source).
declare module 'jstat' {
  const jStat: {
    studentt: {
      /** Quantile of Student's t with `dof` degrees of freedom (any real dof > 0): the t with P(T ≤ t) = p, for p in (0, 1). */
      inv(p: number, dof: number): number;
    };
  };
  export default jStat;
}
