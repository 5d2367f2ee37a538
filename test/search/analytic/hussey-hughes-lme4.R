# A check that lme4's standard error of the treatment effect, from its own REML variance
# estimates, is the closed-form GLS variance at those estimates (hussey-hughes.test.ts): one large
# simulated cross-sectional stepped-wedge trial and one closed cohort.
# Run: Rscript test/search/analytic/hussey-hughes-lme4.R
suppressPackageStartupMessages(library(lme4))
options(digits = 15)
sw <- function(I, S) {
  sizes <- rep(I %/% S, S) + c(rep(1, I %% S), rep(0, S - I %% S))
  seq <- rep(1:S, sizes)
  t(sapply(seq, function(s) as.numeric(1:(S + 1) > s)))
}
set.seed(20261127)
simulate <- function(I, S, m, tau2, gamma2, zeta2, sigma2, theta, cohort) {
  X <- sw(I, S); T <- S + 1
  d <- expand.grid(person = 1:m, period = 1:T, cluster = 1:I)
  a <- rnorm(I, 0, sqrt(tau2)); g <- matrix(rnorm(I * T, 0, sqrt(gamma2)), I, T)
  z <- matrix(rnorm(I * m, 0, sqrt(zeta2)), I, m)
  d$id <- if (cohort) (d$cluster - 1) * m + d$person else seq_len(nrow(d))
  d$treat <- X[cbind(d$cluster, d$period)]
  d$y <- 0.1 * d$period + theta * d$treat + a[d$cluster] + g[cbind(d$cluster, d$period)] +
    (if (cohort) z[cbind(d$cluster, d$person)] else 0) + rnorm(nrow(d), 0, sqrt(sigma2))
  d
}
d <- simulate(40, 4, 30, 0.05, 0.02, 0, 1, 0.2, FALSE)
f <- lmer(y ~ factor(period) + treat + (1 | cluster) + (1 | cluster:period), data = d, REML = TRUE,
  control = lmerControl(optCtrl = list(xtol_abs = 1e-12, ftol_abs = 1e-12)))
vc <- as.data.frame(VarCorr(f))
print(vc[, c("grp", "vcov")]); print(sqrt(vcov(f)["treat", "treat"]))
d <- simulate(20, 4, 20, 0.05, 0.02, 0.5, 0.5, 0.2, TRUE)
f <- lmer(y ~ factor(period) + treat + (1 | cluster) + (1 | cluster:period) + (1 | id), data = d, REML = TRUE,
  control = lmerControl(optCtrl = list(xtol_abs = 1e-12, ftol_abs = 1e-12)))
vc <- as.data.frame(VarCorr(f))
print(vc[, c("grp", "vcov")]); print(sqrt(vcov(f)["treat", "treat"]))
