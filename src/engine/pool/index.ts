/** Pooled budgets (Section 75, Better Care Fund): shares, risk share of variances, memorandum accounts. */
export * from "./rules";
export { splitByWeights } from "./split";
export { cappedSplit } from "./capped";
export { poolShares } from "./shares";
export { shareVariance, validateRule, type ShareContext, type VarianceShare } from "./riskShare";
export { parseArrangement, parseArrangements, cellNumber, type ParamCell, type ParameterOptions } from "./parameters";
export { settlePool, type Pool, type ServiceLine, type Contribution, type PartnerAccount, type LineStatement, type PoolStatement } from "./settle";
export { pounds, percent } from "./format";
