import { invalidNumber, invalidValue } from "../errors";
import { D, type Decimal } from "../money";
import { validateRule } from "./riskShare";
import {
  DEFAULT_ARRANGEMENT,
  METHODS,
  methodFromText,
  PROPORTIONAL,
  SIMPLE_METHODS,
  SPLIT_METHODS,
  type Arrangement,
  type Method,
  type Rule,
  type SimpleRule,
  type SplitRule,
  type Tier,
} from "./rules";

/**
 * Reads risk-share arrangements from worksheet cells: a method ("CAPPED", or "CAPPED/PROPORTIONAL"
 * for a different rule for underspends) and a list of parameter cells, read in order, whose meaning
 * depends on the method. The layout (docs/pools.md, "Parameters"):
 *
 *   PROPORTIONAL  nothing
 *   FIXED         one percentage per partner (60% or 0.6), adding up to 100%
 *   LEAD          the lead partner: its number (1 = first) or, where partners are named, its name
 *   CAPPED        one cap in £ per partner (empty = no cap); nothing at all = each capped at its contribution
 *   TIERED        limit £, method, its parameters [, limit £, method, its parameters …], method for the rest, its parameters
 *   RISKPOOL      risk pool £ [, method for the rest, its parameters] (default PROPORTIONAL)
 *   OWN           each partner's own variance in £ (for RISKSHARE); nothing in a pool of service lines
 *   WATERFALL     underspends available £, risk pool £ [, method for the rest, its parameters]
 *
 * With an "OVER/UNDER" pair, the overspend rule's parameters come first, then the underspend
 * rule's. An empty cell counts where a value is expected (0%, no cap, £0); empty cells after the
 * last parameter are ignored; anything else left over is an error, so a layout mistake is never
 * silently half-read. Pure: cells in, rules out.
 */

/** No parameter (a cap, a limit, a reserve, a percentage) is anywhere near £1,000 trillion. */
const LARGEST = new D("1e15");

export type ParamCell = string | number | boolean | null | undefined;

export interface ParameterOptions {
  /** How many partners share. */
  partners: number;
  /** Partner names, so LEAD can name its partner. */
  names?: readonly string[];
  /** Whether OWN is followed by each partner's own variance (RISKSHARE), or takes nothing (a pool of service lines). */
  ownAmounts: boolean;
}

function isBlank(c: ParamCell): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

function show(c: ParamCell): string {
  if (isBlank(c)) return "an empty cell";
  return typeof c === "string" ? `"${c}"` : String(c);
}

/** A number from a cell: 100000, "£100,000", "60%", "0.6". Null if the cell is not numeric. */
export function cellNumber(c: ParamCell): Decimal | null {
  if (typeof c === "number") return Number.isFinite(c) ? new D(c) : null;
  if (typeof c !== "string") return null;
  const cleaned = c.trim().replace(/^£/, "").replace(/,/g, "");
  const percentSign = cleaned.endsWith("%");
  const body = (percentSign ? cleaned.slice(0, -1) : cleaned).trim().replace(/^([-+]?)£/, "$1");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return null;
  const d = new D(body);
  return percentSign ? d.dividedBy(100) : d;
}

/** The parameter cells, read one at a time. */
class Cells {
  private k = 0;
  private readonly cells: readonly ParamCell[];
  constructor(cells: readonly ParamCell[]) {
    this.cells = cells;
  }
  done(): boolean {
    return this.k >= this.cells.length;
  }
  /** Whether every cell not yet read is blank (a range larger than its parameters need). */
  restBlank(): boolean {
    return this.cells.slice(this.k).every(isBlank);
  }
  peek(): ParamCell {
    return this.cells[this.k];
  }
  /** 1-based position of the next cell, for messages. */
  position(): number {
    return this.k + 1;
  }
  next(): ParamCell {
    return this.cells[this.k++];
  }
  /** Whether the next cell names a method (so a list of numbers has ended). */
  nextIsMethod(): boolean {
    const c = this.peek();
    return !this.done() && typeof c === "string" && cellNumber(c) === null && methodFromText(c) !== null;
  }
  nextIsNumber(): boolean {
    return !this.done() && cellNumber(this.peek()) !== null;
  }
  /** A number, or `blank` for an empty cell. `what` says what the number is, for messages. */
  number(what: string, blank: Decimal | null | "error"): Decimal | null {
    if (this.done()) throw invalidValue(`The parameters end where ${what} should be: add it.`);
    const at = this.position();
    const c = this.next();
    if (isBlank(c)) {
      if (blank === "error") throw invalidValue(`Parameters cell ${at} is empty: give ${what}.`);
      return blank;
    }
    const d = cellNumber(c);
    if (d === null) throw invalidValue(`Parameters cell ${at} should be ${what}; got ${show(c)}.`);
    if (d.abs().gt(LARGEST)) throw invalidNumber(`Parameters cell ${at} (${what}) is too large: ${d.toString()}.`);
    return d;
  }
}

function methodName(c: ParamCell, where: string): Method {
  if (typeof c !== "string" || cellNumber(c) !== null)
    throw invalidValue(`${where} should be a risk-share method; got ${show(c)}. Use one of: ${METHODS.join(", ")}.`);
  const m = methodFromText(c);
  if (m === null) throw invalidValue(`"${c.trim()}" is not a risk-share method. Use one of: ${METHODS.join(", ")}.`);
  return m;
}

function nestedMethod(cells: Cells, allowed: readonly Method[], after: string): Method {
  const at = cells.position();
  if (cells.done()) throw invalidValue(`${after}: the parameters end where a method should be. Add one of: ${allowed.join(", ")}.`);
  const m = methodName(cells.next(), `Parameters cell ${at} (${after})`);
  if (!allowed.includes(m)) throw invalidValue(`${m} cannot be used ${after}. Use one of: ${allowed.join(", ")}.`);
  return m;
}

function readRule(method: Method, cells: Cells, opts: ParameterOptions): Rule {
  const n = opts.partners;
  switch (method) {
    case "PROPORTIONAL":
      return PROPORTIONAL;
    case "FIXED": {
      const percentages: Decimal[] = [];
      for (let i = 0; i < n; i++) {
        if (cells.done() || cells.nextIsMethod())
          throw invalidValue(`FIXED needs ${n} percentages in the parameters, one per partner in order; found ${i}.`);
        percentages.push(cells.number(`the FIXED percentage for partner ${i + 1}`, new D(0)) as Decimal);
      }
      return { method: "FIXED", percentages };
    }
    case "LEAD": {
      const names = opts.names ? " or its name" : "";
      if (cells.done()) throw invalidValue(`LEAD needs the lead partner in the parameters: its number (1 for the first partner)${names}.`);
      const at = cells.position();
      const c = cells.next();
      const d = cellNumber(c);
      if (d !== null) {
        if (!d.isInteger() || d.lt(1) || d.gt(n))
          throw invalidNumber(`The lead partner (parameters cell ${at}) must be a partner number from 1 to ${n}; got ${d.toString()}.`);
        return { method: "LEAD", partner: d.toNumber() - 1 };
      }
      if (typeof c === "string" && opts.names) {
        const i = opts.names.findIndex((name) => name.trim().toLowerCase() === c.trim().toLowerCase());
        if (i >= 0) return { method: "LEAD", partner: i };
        throw invalidValue(`The lead partner "${c.trim()}" is not one of the partners (${opts.names.join(", ")}).`);
      }
      throw invalidValue(`LEAD needs the lead partner's number (1 for the first partner)${names} in parameters cell ${at}; got ${show(c)}.`);
    }
    case "CAPPED": {
      if (cells.done() || cells.nextIsMethod()) return { method: "CAPPED", caps: null };
      const caps: (Decimal | null)[] = [];
      for (let i = 0; i < n; i++) {
        if (cells.done() || cells.nextIsMethod())
          throw invalidValue(`CAPPED needs ${n} caps in the parameters, one per partner in order (an empty cell for no cap); found ${i}.`);
        caps.push(cells.number(`the cap in £ for partner ${i + 1}`, null));
      }
      return { method: "CAPPED", caps };
    }
    case "TIERED": {
      const tiers: Tier[] = [];
      if (!cells.nextIsNumber())
        throw invalidValue(`TIERED starts with the first tier's limit in £ (e.g. 100000), then the method for that tier${cells.done() ? "; the parameters are empty" : `; got ${show(cells.peek())}`}.`);
      for (;;) {
        const upTo = cells.number("a tier limit in £", "error") as Decimal;
        const m = nestedMethod(cells, SIMPLE_METHODS, `after the TIERED limit ${upTo.toString()}`);
        tiers.push({ upTo, rule: readRule(m, cells, opts) as SimpleRule });
        if (cells.done())
          throw invalidValue(`TIERED needs the method for the rest, above the last limit (${upTo.toString()}), at the end of the parameters.`);
        if (cells.nextIsNumber()) continue;
        const rest = nestedMethod(cells, SIMPLE_METHODS, "for the rest under TIERED");
        return { method: "TIERED", tiers, rest: readRule(rest, cells, opts) as SimpleRule };
      }
    }
    case "RISKPOOL": {
      if (cells.done()) throw invalidValue("RISKPOOL needs the size of the risk pool in £ in the parameters (then, optionally, how the rest is split).");
      const reserve = cells.number("the risk pool in £", new D(0)) as Decimal;
      return { method: "RISKPOOL", reserve, then: splitAfter(cells, opts, "RISKPOOL") };
    }
    case "WATERFALL": {
      if (cells.done())
        throw invalidValue("WATERFALL needs, in the parameters, the underspends available elsewhere in £ and the risk pool in £ (0 for none), then optionally how the rest is split.");
      // An underspend may be given as the (negative) variance itself: what counts is its size.
      const available = (cells.number("the underspends available elsewhere in £", new D(0)) as Decimal).abs();
      const reserve = cells.number("the risk pool in £ (0 for none)", new D(0)) as Decimal;
      return { method: "WATERFALL", available, reserve, then: splitAfter(cells, opts, "WATERFALL") };
    }
    case "OWN": {
      if (!opts.ownAmounts) return { method: "OWN", amounts: null };
      const amounts: Decimal[] = [];
      for (let i = 0; i < n; i++) {
        if (cells.done() || cells.nextIsMethod())
          throw invalidValue(`OWN needs ${n} amounts in the parameters: each partner's variance on its own lines, in order; found ${i}.`);
        amounts.push(cells.number(`the variance on partner ${i + 1}'s own lines`, new D(0)) as Decimal);
      }
      return { method: "OWN", amounts };
    }
  }
}

function splitAfter(cells: Cells, opts: ParameterOptions, after: string): SplitRule {
  if (!cells.nextIsMethod()) return PROPORTIONAL;
  return readRule(nestedMethod(cells, SPLIT_METHODS, `after ${after}`), cells, opts) as SplitRule;
}

function parseMethodCell(method: ParamCell): { over: Method; under: Method } | null {
  if (isBlank(method)) return null;
  if (typeof method !== "string" || cellNumber(method) !== null)
    throw invalidValue(`method should be text such as "PROPORTIONAL"; got ${show(method)}. Use one of: ${METHODS.join(", ")}.`);
  const halves = method.split("/");
  if (halves.length > 2)
    throw invalidValue(`method "${method}" has more than one "/": give one method, or the overspend method "/" the underspend method (e.g. "CAPPED/PROPORTIONAL").`);
  const over = methodName(halves[0], "method");
  const under = halves.length === 2 ? methodName(halves[1], 'method (after "/", for underspends)') : over;
  return { over, under };
}

/**
 * Reads one arrangement per method cell, taking the parameter cells in order.
 * @param methods One cell per arrangement (per service line); a blank cell means PROPORTIONAL.
 * @param params The parameter cells, in reading order (row by row).
 * @throws EngineError "value" for an unknown method, missing or extra parameters, or rules that
 *   do not fit the partners (percentages not adding up to 100%, a lead partner out of range…).
 */
export function parseArrangements(methods: readonly ParamCell[], params: readonly ParamCell[], opts: ParameterOptions): Arrangement[] {
  const cells = new Cells(params);
  const arrangements = methods.map((m) => {
    const names = parseMethodCell(m);
    if (names === null) return DEFAULT_ARRANGEMENT;
    const overspend = readRule(names.over, cells, opts);
    const underspend = names.under === names.over && !(typeof m === "string" && m.includes("/")) ? overspend : readRule(names.under, cells, opts);
    validateRule(overspend, opts.partners, opts.names);
    validateRule(underspend, opts.partners, opts.names);
    return { overspend, underspend };
  });
  if (!cells.restBlank()) {
    const used = methods.filter((m) => !isBlank(m)).map(String).join(", ") || "PROPORTIONAL";
    throw invalidValue(
      `Parameters cell ${cells.position()} (${show(cells.peek())}) is left over: ${used} does not use it. ` +
        `Remove it, or check the parameters layout for the method (PROPORTIONAL takes none).`,
    );
  }
  return arrangements;
}

/** One arrangement from a method cell and its parameter cells (RISKSHARE). */
export function parseArrangement(method: ParamCell, params: readonly ParamCell[], opts: ParameterOptions): Arrangement {
  return parseArrangements([method], params, opts)[0];
}
