export function markdownToHtml(md: string, opts?: { headingOffset?: number }): string;
export function escapeHtml(s: string): string;
