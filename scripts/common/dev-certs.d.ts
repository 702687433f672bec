export interface HttpsOptions {
  key: Buffer;
  cert: Buffer;
  ca: Buffer;
}
export const DEFAULT_CERT_DIR: string;
export function certFiles(dir: string): { key: string; cert: string; ca: string };
export function readCerts(dir: string, now?: Date): HttpsOptions | null;
export function devServerHttpsOptions(opts?: {
  dir?: string;
  install?: () => boolean;
  log?: (msg: string) => void;
}): HttpsOptions | null;
