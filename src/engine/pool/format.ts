import { roundPenny, type Decimal } from "../money";

/**
 * Money and percentages as a finance officer reads them in a message: "£1,234.56", "-£50.00",
 * "62.5%". For error messages only; results stay Decimal.
 */
export function pounds(value: Decimal): string {
  const r = roundPenny(value);
  const [whole, pence] = r.abs().toFixed(2).split(".");
  return `${r.lt(0) ? "-" : ""}£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${pence}`;
}

/** A fraction as a percentage: 0.625 -> "62.5%". */
export function percent(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(6).toString()}%`;
}
