/**
 * Request-size bookkeeping for Office.js batches.
 *
 * Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded). Office.js sends
 * everything queued since the last `context.sync()` as one JSON request, so a writer that queues
 * whole ranges must sync before the queued JSON passes the limit. The estimate here is the UTF-8
 * length of each queued argument's JSON plus a fixed allowance per action for Office.js's envelope
 * (action id, type, property name, object path): a slight over-estimate, which is the safe side.
 */

/** Excel on the web's limit per request (5 MB; taken as 5,000,000 bytes, the smaller reading). */
export const EXCEL_WEB_REQUEST_LIMIT_BYTES = 5_000_000;

/** Default budget per request: well under the limit, so the envelope and estimate error never tip it over. */
export const DEFAULT_REQUEST_BUDGET_BYTES = 4_000_000;

/** Allowance per queued action for Office.js's JSON envelope (its object path, ids and names). */
export const ACTION_OVERHEAD_BYTES = 400;

/** UTF-8 byte length of a string, without allocating an encoded copy. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Estimated bytes one queued action with this argument adds to a request. */
export function actionBytes(argument: unknown): number {
  const json = argument === undefined ? "" : JSON.stringify(argument);
  return ACTION_OVERHEAD_BYTES + utf8Length(json ?? "");
}
