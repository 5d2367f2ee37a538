# Reference p-values and estimates for analyse.test.ts: 20 random trials (counts, harm and
# binary), each analysed by R's own functions.
# Run: Rscript test/core/analysis/all-analyses-reference.R > test/core/analysis/all-analyses-reference.json
library(MASS)
set.seed(42)
ctl <- glm.control(epsilon = 1e-14, maxit = 200)
fmt <- function(v) paste0("[", paste(format(v, digits = 15), collapse = ", "), "]")
num <- function(x) format(x, digits = 15)
out <- character(0)
for (i in 1:20) {
  n1 <- sample(c(6, 12, 30, 45), 1); n0 <- sample(c(8, 20, 60, 120), 1)
  k <- c(0.5, 1, 2, 4)[(i %% 4) + 1]
  arm <- c(rep(1, n1), rep(0, n0))
  y <- rnbinom(n1 + n0, size = 1 / k, mu = 1.4 * ifelse(arm == 1, 0.75, 1))
  harm <- round(y * rlnorm(n1 + n0, log(30), 0.8), 2)
  b <- as.integer(y > 0)
  if (sum(y[arm == 1]) == 0 || sum(y[arm == 0]) == 0 || var(y[arm == 1]) == 0) next
  if (sum(b) == 0 || sum(b) == length(b)) next
  res <- list()
  res$propTwo <- suppressWarnings(prop.test(c(sum(b[arm == 1]), sum(b[arm == 0])), c(n1, n0), correct = FALSE))$p.value
  res$propLess <- suppressWarnings(prop.test(c(sum(b[arm == 1]), sum(b[arm == 0])), c(n1, n0), correct = FALSE, alternative = "less"))$p.value
  tab <- matrix(c(sum(b[arm == 1]), n1 - sum(b[arm == 1]), sum(b[arm == 0]), n0 - sum(b[arm == 0])), 2)
  res$fisherTwo <- fisher.test(tab)$p.value
  res$fisherLess <- fisher.test(tab, alternative = "less")$p.value
  q <- summary(glm(y ~ arm, family = quasipoisson, control = ctl))
  res$quasiCounts <- coef(q)["arm", c(1, 2, 4)]
  qh <- summary(glm(harm ~ arm, family = quasipoisson, control = ctl))
  res$quasiHarm <- coef(qh)["arm", c(1, 2, 4)]
  f <- tryCatch(suppressWarnings(glm.nb(y ~ arm, control = ctl)), error = function(e) NULL)
  if (is.null(f)) next # glm.nb's theta search errors at the Poisson limit; covered elsewhere
  res$nb <- coef(summary(f))["arm", c(1, 2, 4)]
  res$welchCounts <- t.test(y[arm == 1], y[arm == 0])$p.value
  res$welchHarm <- t.test(harm[arm == 1], harm[arm == 0])$p.value
  res$welchHarmLess <- t.test(harm[arm == 1], harm[arm == 0], alternative = "less")$p.value
  res$wilcoxCounts <- wilcox.test(y[arm == 1], y[arm == 0], exact = FALSE, correct = TRUE)$p.value
  res$wilcoxCountsLess <- wilcox.test(y[arm == 1], y[arm == 0], exact = FALSE, correct = TRUE, alternative = "less")$p.value
  res$wilcoxHarm <- wilcox.test(harm[arm == 1], harm[arm == 0], exact = FALSE, correct = TRUE)$p.value
  fields <- paste(sprintf('"%s": %s', names(res), sapply(res, function(v) if (length(v) > 1) fmt(unname(v)) else num(v))), collapse = ", ")
  out <- c(out, sprintf('{"n1": %d, "y": %s, "harm": %s, %s}', n1, fmt(y), fmt(harm), fields))
}
cat("[\n", paste(out, collapse = ",\n"), "\n]\n")
