"use strict";
/**
 * A deliberately small Markdown renderer for the worked examples in docs/functions/*.md:
 * paragraphs, headings, bullet and numbered lists, fenced code blocks, simple pipe tables, and
 * inline `code`, **bold**, *italic* and [links](relative-or-https). Everything else is text.
 * All text is HTML-escaped; no raw HTML passes through, no images are rendered.
 */

function escapeHtml(s) {
  return String(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Links only to pages of the help site or to https pages; anything else is shown as text. */
function safeHref(href) {
  const h = href.trim();
  if (/^https:\/\/[^\s"'<>]+$/i.test(h)) return h;
  if (/^[A-Za-z0-9._-]+\.html(#[A-Za-z0-9._-]+)?$/.test(h)) return h;
  if (/^#[A-Za-z0-9._-]+$/.test(h)) return h;
  return null;
}

function inline(text) {
  // Code spans first, so nothing inside them is interpreted.
  const parts = String(text).split(/(`[^`]*`)/);
  return parts
    .map((part) => {
      if (part.length >= 2 && part.startsWith("`") && part.endsWith("`")) {
        return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      }
      let out = "";
      let rest = part;
      const link = /\[([^\]]+)\]\(([^)\s]+)\)/;
      for (let m = link.exec(rest); m; m = link.exec(rest)) {
        out += emphasis(escapeHtml(rest.slice(0, m.index)));
        const href = safeHref(m[2]);
        out += href ? `<a href="${escapeHtml(href)}">${emphasis(escapeHtml(m[1]))}</a>` : emphasis(escapeHtml(m[0]));
        rest = rest.slice(m.index + m[0].length);
      }
      return out + emphasis(escapeHtml(rest));
    })
    .join("");
}

function emphasis(html) {
  return html
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, "$1<em>$2</em>");
}

function isTableRow(line) {
  return /^\s*\|.*\|\s*$/.test(line);
}

function cells(line) {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

/**
 * @param {string} md
 * @param {{ headingOffset?: number }} [opts] headingOffset: "#" becomes h(1 + offset)
 */
function markdownToHtml(md, opts = {}) {
  const offset = opts.headingOffset ?? 1;
  const lines = String(md).replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (/^\s*$/.test(line)) {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)\s*([\w-]*)\s*$/.exec(line);
    if (fence) {
      const body = [];
      i++;
      while (i < lines.length && !new RegExp(`^\\s*${fence[1]}\\s*$`).test(lines[i])) body.push(lines[i++]);
      i++; // closing fence (or end of text)
      const cls = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : "";
      out.push(`<pre><code${cls}>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1].length + offset);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      i++;
      continue;
    }
    if (isTableRow(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(lines[i + 1])) {
      const head = cells(line);
      i += 2;
      const rows = [];
      while (i < lines.length && isTableRow(lines[i])) rows.push(cells(lines[i++]));
      out.push(
        "<table>" +
          `<thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead>` +
          `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`).join("")}</tbody>` +
          "</table>",
      );
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/;
    const numbered = /^\s*\d+[.)]\s+(.*)$/;
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = numbered.test(line) && !bullet.test(line);
      const re = ordered ? numbered : bullet;
      const items = [];
      while (i < lines.length && re.test(lines[i])) {
        let item = re.exec(lines[i])[1];
        i++;
        // continuation lines (indented, not a new item)
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !bullet.test(lines[i]) && !numbered.test(lines[i])) {
          item += " " + lines[i].trim();
          i++;
        }
        items.push(`<li>${inline(item)}</li>`);
      }
      const tag = ordered ? "ol" : "ul";
      out.push(`<${tag}>${items.join("")}</${tag}>`);
      continue;
    }
    const para = [];
    while (
      i < lines.length &&
      !/^\s*$/.test(lines[i]) &&
      !/^\s*(```|~~~)/.test(lines[i]) &&
      !/^#{1,6}\s/.test(lines[i]) &&
      !bullet.test(lines[i]) &&
      !numbered.test(lines[i]) &&
      !isTableRow(lines[i])
    ) {
      para.push(lines[i].trim());
      i++;
    }
    if (para.length === 0) {
      // A line no block accepted (e.g. a lone table row): show it as a paragraph.
      para.push(lines[i].trim());
      i++;
    }
    out.push(`<p>${inline(para.join(" "))}</p>`);
  }
  return out.join("\n");
}

module.exports = { markdownToHtml, escapeHtml };
