# Reference values for tests/inference: R sna 2.7-1 on networks generated here.
#
# Run from this folder (the sections can run in parallel; each needs the inputs,
# which every run writes again, identically, from the same seed):
#   Rscript make_reference.R regression   # ref_regression.csv (~5 min CPU)
#   Rscript make_reference.R gcor         # ref_gcor.csv, ref_ei.csv (~1 min)
#   Rscript make_reference.R cug          # ref_cug.csv (~2 min)
# Writes the generated input matrices and actor tables (inputs_*.csv) and the
# reference values (ref_*.csv). The Python tests read these files and do not need R.
suppressMessages(library(sna))
stopifnot(as.character(packageVersion("sna")) == "2.7.1")
set.seed(20261202)
sections <- commandArgs(trailingOnly = TRUE)
if (!length(sections)) sections <- c("regression", "gcor", "cug")
REPS_LM <- 10000    # netlm replications
REPS_LOGIT <- 4000  # netlogit replications (glm.fit per replication is slow)
REPS_GCOR <- 20000  # qaptest replications for gcor
REPS_CUG <- 10000   # cug.test replications
REPS_EI <- 20000

ids <- function(n) sprintf("a%02d", 1:n)
write_matrix <- function(m, name) {
  write.csv(m, paste0("inputs_", name, ".csv"), quote = TRUE)
}

make_network <- function(n, directed, tag) {
  type <- sample(c("school", "club", "church"), n, replace = TRUE, prob = c(.5, .3, .2))
  founded <- round(runif(n, 1950, 2020))
  same <- outer(type, type, "==") * 1
  diff <- abs(outer(founded, founded, "-")) / 10
  # a predictor network that leans to ties within a type (so predictors correlate)
  p_net <- plogis(-2.4 + 1.3 * same)
  net <- matrix(rbinom(n * n, 1, p_net), n, n)
  if (!directed) net[upper.tri(net)] <- t(net)[upper.tri(net)]
  eta <- -1.2 + 1.1 * net + 0.7 * same - 0.12 * diff
  ybin <- matrix(rbinom(n * n, 1, plogis(eta)), n, n)
  yval <- matrix(round(pmax(0, 1 + 1.5 * net + 0.6 * same - 0.1 * diff +
                                 rnorm(n * n, 0, 1.2))), n, n)
  if (!directed) {
    ybin[upper.tri(ybin)] <- t(ybin)[upper.tri(ybin)]
    yval[upper.tri(yval)] <- t(yval)[upper.tri(yval)]
  }
  diag(same) <- 0; diag(diff) <- 0; diag(net) <- 0; diag(ybin) <- 0; diag(yval) <- 0
  mats <- list(y_val = yval, y_bin = ybin, x_net = net, x_same = same, x_diff = diff)
  for (k in names(mats)) {
    dimnames(mats[[k]]) <- list(ids(n), ids(n))
    write_matrix(mats[[k]], paste0(tag, "_", k))
  }
  write.csv(data.frame(id = ids(n), type = type, founded = founded),
            paste0("inputs_", tag, "_actors.csv"), row.names = FALSE)
  list(mats = mats, type = type, mode = if (directed) "digraph" else "graph", tag = tag)
}

nets <- list(make_network(30, FALSE, "u30"), make_network(25, TRUE, "d25"))

# ---------------------------------------------------------------- regression
if ("regression" %in% sections) {
reg_rows <- list()
glm_tight <- function(y, X, mode) {
  v <- function(m) gvectorize(m, mode = mode, diag = FALSE, censor.as.na = TRUE)
  yy <- v(y); XX <- cbind(1, sapply(X, v))
  ok <- !is.na(yy)
  glm.fit(XX[ok, ], yy[ok], family = binomial(), intercept = FALSE,
          control = glm.control(epsilon = 1e-14, maxit = 100))
}
for (net in nets) {
  m <- net$mats
  X <- list(m$x_net, m$x_same, m$x_diff)
  terms <- c("intercept", "x_net", "x_same", "x_diff")
  for (family in c("gaussian", "binomial")) {
    for (nh in c("qapspp", "qapy")) {
      if (family == "gaussian") {
        fit <- netlm(m$y_val, X, mode = net$mode, nullhyp = nh, reps = REPS_LM)
        reps <- REPS_LM
        coef_tight <- fit$coefficients
        stat <- fit$tstat
        r2 <- 1 - sum(fit$residuals^2) / sum((fit$fitted.values + fit$residuals -
                 mean(fit$fitted.values + fit$residuals))^2)
      } else {
        fit <- netlogit(m$y_bin, X, mode = net$mode, nullhyp = nh, reps = REPS_LOGIT)
        reps <- REPS_LOGIT
        tight <- glm_tight(m$y_bin, X, net$mode)
        coef_tight <- tight$coefficients
        stat <- fit$tstat
        r2 <- 1 - fit$deviance / fit$null.deviance
      }
      reg_rows[[length(reg_rows) + 1]] <- data.frame(
        network = net$tag, family = family, method = ifelse(nh == "qapspp", "dsp", "y"),
        term = terms, coef_netlm = fit$coefficients, coef = coef_tight, statistic = stat,
        p_greater = fit$pgreq, p_less = fit$pleeq, p_two_sided = fit$pgreqabs,
        reps = reps, n_dyads = fit$n, fit = r2)
    }
  }
}
write.csv(do.call(rbind, reg_rows), "ref_regression.csv", row.names = FALSE)
}

# ---------------------------------------------------------------- gcor + QAP
if ("gcor" %in% sections) {
gc_rows <- list()
for (net in nets) {
  m <- net$mats
  for (pair in list(c("y_val", "x_net"), c("y_bin", "x_same"), c("x_net", "x_diff"))) {
    obs <- gcor(m[[pair[1]]], m[[pair[2]]], mode = net$mode)
    q <- qaptest(list(m[[pair[1]]], m[[pair[2]]]), gcor, g1 = 1, g2 = 2,
                 mode = net$mode, reps = REPS_GCOR)
    gc_rows[[length(gc_rows) + 1]] <- data.frame(
      network = net$tag, x = pair[1], y = pair[2], gcor = obs,
      p_greater = q$pgreq, p_less = q$pleeq, p_two_sided = mean(abs(q$dist) >= abs(obs)),
      null_mean = mean(q$dist), null_sd = sd(q$dist), reps = REPS_GCOR)
  }
}
write.csv(do.call(rbind, gc_rows), "ref_gcor.csv", row.names = FALSE)
}

# ---------------------------------------------------------------- E-I index
# Krackhardt & Stern (1988): (E - I) / (E + I) over ties (arcs if directed);
# the permutation test shuffles the group labels over the actors (UCINET).
ei_index <- function(dat, groups, mode = "digraph", diag = FALSE) {
  a <- dat != 0
  diag(a) <- FALSE
  if (mode == "graph") a[upper.tri(a)] <- FALSE
  same <- outer(groups, groups, "==")
  e <- sum(a & !same); i <- sum(a & same)
  (e - i) / (e + i)
}
if ("gcor" %in% sections) {
ei_rows <- list()
for (net in nets) {
  y <- net$mats$y_bin
  g <- net$type
  obs <- ei_index(y, g, net$mode)
  dist <- replicate(REPS_EI, ei_index(y, sample(g), net$mode))
  n <- length(g); sizes <- table(g)
  p_within <- sum(sizes * (sizes - 1)) / (n * (n - 1))
  expected <- 1 - 2 * p_within
  ei_rows[[length(ei_rows) + 1]] <- data.frame(
    network = net$tag, observed = obs, expected = expected, null_mean = mean(dist),
    null_sd = sd(dist), p_greater = mean(dist >= obs - 1e-12), p_less = mean(dist <= obs + 1e-12),
    p_two_sided = mean(abs(dist - expected) >= abs(obs - expected) - 1e-12), reps = REPS_EI)
}
write.csv(do.call(rbind, ei_rows), "ref_ei.csv", row.names = FALSE)
}

# ---------------------------------------------------------------- CUG
if ("cug" %in% sections) {
cug_rows <- list()
stats <- list(
  density = list(FUN = gden, args = list()),
  degree_centralization = list(FUN = centralization, args = list(FUN = degree)),
  betweenness_centralization = list(FUN = centralization, args = list(FUN = betweenness)),
  transitivity = list(FUN = gtrans, args = list())
)
for (net in nets) {
  y <- net$mats$y_bin
  groups <- net$type
  ei_stat <- function(dat, mode = "digraph", diag = FALSE) {
    ei_index(as.sociomatrix.sna(dat), groups, mode, diag)
  }
  all_stats <- c(stats, list(ei_index = list(FUN = ei_stat, args = list())))
  for (s in names(all_stats)) {
    for (cm in c("size", "edges", "dyad.census")) {
      ct <- cug.test(y, all_stats[[s]]$FUN, mode = net$mode, cmode = cm, reps = REPS_CUG,
                     FUN.args = all_stats[[s]]$args)
      cug_rows[[length(cug_rows) + 1]] <- data.frame(
        network = net$tag, statistic = s, conditioning = sub(".", "_", cm, fixed = TRUE),
        observed = ct$obs.stat, null_mean = mean(ct$rep.stat), null_sd = sd(ct$rep.stat),
        p_greater = ct$pgteobs, p_less = ct$plteobs, reps = REPS_CUG)
    }
  }
}
write.csv(do.call(rbind, cug_rows), "ref_cug.csv", row.names = FALSE)
}
writeLines(c(R.version.string, paste("sna", packageVersion("sna"))), "r_session.txt")
