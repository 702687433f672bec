/** The Content-Security-Policy of every page the add-in serves. */
export const CONTENT_SECURITY_POLICY: string;
export const OFFICE_JS_CDN_ORIGIN: string;
export const OFFICE_JS_URL: string;
