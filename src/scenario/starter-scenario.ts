/**
 * The commented starter scenario `trialsim init FILE` writes: small, valid as it stands, and
 * showing the main fields with their units, so a new user edits rather than writes from nothing.
 */

/** The text of the starter scenario (YAML). */
export const STARTER_SCENARIO = `# A trialsim scenario. Check it with:  trialsim validate THIS-FILE
# Run it with:  trialsim run THIS-FILE      Every field: trialsim schema
# Numbers marked ASSUMPTION are yours to replace with figures from your own data.

name: my-trial
title: My replication — two age groups, 100 per arm
source: Write where your numbers come from here

cohort:
  groups:                                  # shares add up to 1
    - { id: youth, label: "Aged 11-17", share: 0.5 }
    - { id: adult, label: "Aged 18-25", share: 0.5 }
  # Person-to-person variation: negative-binomial dispersion α in Var = μ + αμ² (0 = Poisson).
  # α = 1/θ, where θ is R's glm.nb theta (R/NumPy size); Stata's and statsmodels' alpha is α.
  # If your source reports θ, write { theta: 0.67 } instead. ASSUMPTION
  propensity: { dispersion: 1.5 }

outcomes:
  - id: offences
    label: Offences as a suspect
    kind: count                            # count | binary | harm
    ratePerYear: { youth: 1.5, adult: 1.2 } # control-arm offences per person-year. ASSUMPTION
    effect: { rateRatio: 0.8 }             # treated / control for engaged people: 20% fewer. ASSUMPTION
    analysis: negative-binomial
    primary: true
  - id: any-offence
    label: Any offence as a suspect
    kind: binary
    from: offences                         # any offence = offences > 0
    analysis: two-proportion-z

design:
  followUpMonths: 12
  size: { treated: 100, control: 100 }     # or { total: 200, allocation: "1:1" }
  randomisation: stratified                # simple | complete | stratified | cluster
  strata: [group]
  engagement: 0.7                          # share of treated people who take up the support. ASSUMPTION
  attrition: 0.02                          # share whose outcome is unobserved. ASSUMPTION

analysis:
  alpha: 0.05
  sides: two                               # two | one
  multiplicity: holm                       # none | bonferroni | holm (across primary outcomes)

simulation:
  trials: 2000
  seed: 1
`;
