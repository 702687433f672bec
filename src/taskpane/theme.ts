/**
 * The pane follows Office's theme: dark when Office's body background is dark (Office.context.officeTheme,
 * where the host gives it), light when it is light. Where Office gives no theme (Excel on the web
 * gives none; a browser), the page follows the system's prefers-color-scheme, and forced colours
 * (Windows high contrast) are handled in the page's styles. The page's tokens for each theme are in
 * taskpane.html (Fluent 2 web light and dark).
 */

/** "#1f1f1f" -> its relative luminance (WCAG 2), or null when it is not a #rrggbb colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** "dark" or "light" for an Office theme's body background; null when it says nothing usable. */
export function themeFor(bodyBackgroundColor: string | undefined): "dark" | "light" | null {
  if (!bodyBackgroundColor) return null;
  const l = luminance(bodyBackgroundColor);
  if (l === null) return null;
  return l < 0.2 ? "dark" : "light";
}

/** Sets data-theme on the page from Office's theme; with none, removes it (the system's preference applies). */
export function applyOfficeTheme(root: HTMLElement = document.documentElement): void {
  const office = (globalThis as { Office?: typeof Office }).Office;
  let background: string | undefined;
  try {
    background = office?.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined; // a host without themes throws rather than returning undefined
  }
  const theme = themeFor(background);
  if (theme) root.setAttribute("data-theme", theme);
  else root.removeAttribute("data-theme");
}

/** Follows later theme changes where Office reports them (Office.EventType.OfficeThemeChanged, where the host supports it). */
export function followOfficeTheme(): void {
  applyOfficeTheme();
  const office = (globalThis as { Office?: typeof Office }).Office;
  const type = (office?.EventType as Record<string, string> | undefined)?.OfficeThemeChanged;
  const doc = office?.context?.document as { addHandlerAsync?: (t: string, h: () => void, cb?: () => void) => void } | undefined;
  if (!type || !doc?.addHandlerAsync) return;
  try {
    doc.addHandlerAsync(type, () => applyOfficeTheme(), () => undefined);
  } catch {
    // not supported by this host: the theme is read once, at start
  }
}
