export const DEFAULT_DIR: string;
/** Every *.ts in dir with a JSDoc @customfunction tag, sorted, as absolute paths. */
export function customFunctionFiles(dir?: string): string[];
