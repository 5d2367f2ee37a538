/**
 * What a scenario's `costs` block says about one design, as the reports print it: the
 * caseworkers, the delivery cost, and the commissioner's lines (computed and worded by the
 * planning layer, which the reports may not import).
 */

/** The costs of the design a report is about. */
export interface TrialCost {
  /** Caseworkers for the treated arm, ⌈treated / caseload⌉. */
  readonly caseworkers: number;
  readonly caseload: number;
  /** Pounds to deliver the support to the treated arm. */
  readonly deliveryCost: number;
  /** The commissioner's figures in words, one line each (offences prevented, cost per offence, scale). */
  readonly lines: readonly string[];
}
