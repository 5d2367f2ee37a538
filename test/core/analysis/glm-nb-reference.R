# Reference fits for negative-binomial.test.ts: 24 random trials (NB counts with a prior-window
# covariate), fitted with MASS::glm.nb with and without log(prior + 1).
# Run: Rscript test/core/analysis/glm-nb-reference.R > test/core/analysis/glm-nb-reference.json
library(MASS)
set.seed(20261126)
ctl <- glm.control(epsilon = 1e-13, maxit = 200)
cases <- list()
for (i in 1:24) {
  n1 <- sample(c(8, 15, 30, 45), 1); n0 <- sample(c(10, 25, 60, 120), 1)
  k <- c(0.3, 0.8, 1.5, 3)[(i %% 4) + 1]
  frailty <- rgamma(n1 + n0, shape = 1 / k, scale = k)
  prior <- rpois(n1 + n0, 1.5 * frailty)
  arm <- c(rep(1, n1), rep(0, n0))
  y <- rpois(n1 + n0, 1.2 * frailty * ifelse(arm == 1, 0.7, 1))
  if (sum(y[arm == 1]) == 0 || sum(y[arm == 0]) == 0) next
  f1 <- tryCatch(suppressWarnings(glm.nb(y ~ arm, control = ctl)), error = function(e) NULL)
  f2 <- tryCatch(suppressWarnings(glm.nb(y ~ arm + log(prior + 1), control = ctl)), error = function(e) NULL)
  # glm.nb's theta search can stop with an error (e.g. no overdispersion); such fits are null.
  row <- function(f) if (is.null(f)) NA else unname(c(coef(summary(f))["arm", c(1, 2, 4)], f$theta))
  # Where it fails, the Poisson GLM is the check: with sum((y - mu)^2) <= sum(y) at its fit the
  # NB likelihood rises all the way to the Poisson limit (k = 0), whose fit is then the MLE.
  fp <- glm(y ~ arm + log(prior + 1), family = poisson, control = ctl)
  poissonRow <- c(unname(coef(summary(fp))["arm", c(1, 2, 4)]), sum((y - fitted(fp))^2) - sum(y))
  cases[[length(cases) + 1]] <- list(y = y, arm = arm, prior = prior, plain = row(f1), adjusted = row(f2), poisson = poissonRow)
}
fmt <- function(v) if (length(v) == 1 && is.na(v)) "null" else paste0("[", paste(format(v, digits = 15), collapse = ", "), "]")
cat("[\n", paste(sapply(cases, function(c) sprintf(
  '{"y": %s, "arm": %s, "prior": %s, "plain": %s, "adjusted": %s, "adjustedPoisson": %s}',
  fmt(c$y), fmt(c$arm), fmt(c$prior), fmt(c$plain), fmt(c$adjusted), fmt(c$poisson))), collapse = ",\n"), "\n]\n")
