/**
 * Small DOM helpers for the task pane. Everything that puts workbook data or messages on the page
 * goes through textContent (never innerHTML), so a staff name such as `<img src=x onerror=…>` is
 * shown as the characters it is.
 */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`The task pane page is missing #${id}.`);
  return e as T;
}

export function setText(id: string, text: string): void {
  byId(id).textContent = text;
}

export function setHidden(id: string, hidden: boolean): void {
  byId(id).hidden = hidden;
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A new element whose content is `text`, as text. */
export function textElement<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Lets the browser paint (a status line) before a long synchronous step. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    // requestAnimationFrame does not fire while the pane is hidden; the timer makes sure we go on.
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 50);
  });
}
