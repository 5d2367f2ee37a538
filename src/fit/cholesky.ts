/**
 * Cholesky factorisation of a symmetric positive-definite matrix (row-major, n × n), and the two
 * things the fits need from it: solving A·x = b (Newton steps) and A⁻¹ (the covariance of the
 * estimates, the inverse of the observed information).
 */

/**
 * The lower-triangular L with A = L·Lᵀ, or null when A is not (numerically) positive definite.
 *
 * Formula in words: column by column, L_jj = √(A_jj − Σ_{k<j} L_jk²) and
 * L_ij = (A_ij − Σ_{k<j} L_ik·L_jk) / L_jj for i > j; a pivot ≤ 0 means A is not positive definite.
 * Reference: G. H. Golub & C. F. Van Loan, Matrix Computations (4th ed., 2013), §4.2.
 *
 * @example choleskyFactor([4, 2, 2, 3], 2) // [2, 0, 1, 1.4142135623730951]
 */
export function choleskyFactor(matrix: ArrayLike<number>, n: number): Float64Array | null {
  const lower = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j * n + j];
    for (let k = 0; k < j; k++) pivot -= lower[j * n + k] * lower[j * n + k];
    if (!(pivot > 0)) return null;
    const root = Math.sqrt(pivot);
    lower[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let value = matrix[i * n + j];
      for (let k = 0; k < j; k++) value -= lower[i * n + k] * lower[j * n + k];
      lower[i * n + j] = value / root;
    }
  }
  return lower;
}

/**
 * Solves L·Lᵀ·x = b given the Cholesky factor L: forward then back substitution.
 *
 * @example solveWithCholesky([2, 0, 1, 1.4142135623730951], [8, 7], 2) // [1.5, 1] (as [4, 2; 2, 3]·x = [8, 7])
 */
export function solveWithCholesky(lower: ArrayLike<number>, rightHandSide: ArrayLike<number>, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let value = rightHandSide[i];
    for (let k = 0; k < i; k++) value -= lower[i * n + k] * y[k];
    y[i] = value / lower[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let value = y[i];
    for (let k = i + 1; k < n; k++) value -= lower[k * n + i] * x[k];
    x[i] = value / lower[i * n + i];
  }
  return x;
}

/**
 * The inverse of a symmetric positive-definite matrix, or null when it is not positive definite:
 * each column of A⁻¹ solves A·x = e_j.
 *
 * @example invertPositiveDefinite([4, 2, 2, 3], 2) // [0.375, -0.25, -0.25, 0.5]
 */
export function invertPositiveDefinite(matrix: ArrayLike<number>, n: number): Float64Array | null {
  const lower = choleskyFactor(matrix, n);
  if (lower === null) return null;
  const inverse = new Float64Array(n * n);
  const unit = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    const column = solveWithCholesky(lower, unit, n);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i];
  }
  return inverse;
}
