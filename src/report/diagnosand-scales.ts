/**
 * The scale and significance rule of each diagnosand, worded once for every output (terminal
 * table, Markdown, CSV, `explain`), so none of them leaves a figure's scale to be guessed. The
 * definitions and their comparison with DeclareDesign and Gelman & Carlin are in
 * docs/diagnosands-compared.md; the JSON fields in docs/json-output.md.
 */

/** Where the diagnosands are defined and compared with DeclareDesign's and Gelman & Carlin's. */
export const DIAGNOSANDS_DOC = 'docs/diagnosands-compared.md';

/**
 * One phrase per diagnosand: what it is and on which scale.
 *
 * Example: `DIAGNOSAND_SCALES.exaggeration` → "Gelman & Carlin's exaggeration ratio, the mean of
 * |log estimate| / |log true ratio| over significant trials: a ratio on the log-rate-ratio scale,
 * not of the percentage reduction".
 */
export const DIAGNOSAND_SCALES = {
  power: 'the share of trials significant by the unadjusted p-value',
  adjustedPower: 'the share of trials significant after the multiplicity correction across the primary outcomes',
  bias: 'the mean error of the log ratio estimate (log scale; ±0.01 is about ±1% on the ratio)',
  rmse: 'the root mean squared error of the log ratio estimate (log scale)',
  typeS: 'the share of significant trials (unadjusted p-value) whose estimate has the wrong sign',
  exaggeration:
    "Gelman & Carlin's exaggeration ratio, the mean of |log estimate| / |log true ratio| over trials significant by the unadjusted p-value: a ratio on the log-rate-ratio scale, not of the percentage reduction",
  meanEstimate: 'the geometric mean of the ratio estimates, exp(mean log estimate), over every analysed trial',
  meanSignificantRatio:
    'the arithmetic mean of the ratio estimates of trials significant by the unadjusted p-value in the true direction',
} as const;
