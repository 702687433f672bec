export const DEV_URL: string;
/** Checks and normalises CARETRUST_PUBLIC_URL (https, ends in "/"); throws an Error saying what is wrong. */
export function normalisePublicUrl(value: string): string;
/** Replaces every https://localhost:3000/ in text with publicUrl. */
export function rewriteUrls(text: string, publicUrl: string): string;
