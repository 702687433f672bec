export interface HelpParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
export interface HelpFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters?: HelpParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
export interface HelpSiteInput {
  metadata: { functions: HelpFunction[] };
  namespace: string;
  csp: string;
  version?: string;
  /** Worked examples in Markdown, keyed by function name (upper case). */
  docs?: Record<string, string>;
  indexDoc?: string;
}
export const DEV_HELP_BASE: string;
export function renderHelpSite(input: HelpSiteInput): { pages: Record<string, string>; warnings: string[] };
export function helpFileName(functionName: string): string;
export function expectedHelpUrl(functionName: string): string;
export function syntax(namespace: string, fn: HelpFunction): string;
