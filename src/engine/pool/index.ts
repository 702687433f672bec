/** Pooled budgets (Section 75, Better Care Fund): shares, risk share of variances, memorandum accounts. */
export * from "./rules";
export { splitByWeights } from "./split";
export { cappedSplit } from "./capped";
export { poolShares } from "./shares";
export { shareVariance, validateRule, type ShareContext, type VarianceShare } from "./riskShare";
export { parseArrangement, parseArrangements, cellNumber, type ParamCell, type ParameterOptions } from "./parameters";
export { settlePool, type Pool, type ServiceLine, type LineIncome, type Contribution, type PartnerAccount, type LineStatement, type PoolStatement, type PoolTotal } from "./settle";
export { pounds, percent } from "./format";
export {
  settleYears,
  reserveLedger,
  CHANGE_KINDS,
  type ChangeKind,
  type DatedChange,
  type PoolYear,
  type ReservePolicy,
  type RepaymentSchedule,
  type MultiYearPool,
  type PartnerYear,
  type ReserveYear,
  type YearStatement,
  type MultiYearStatement,
} from "./years";
