/**
 * Normalises a rendered chart for snapshot comparison, as Plot's own tests do: rounds
 * coordinates so float noise between machines does not fail a test, and pretty-prints.
 */
export function normalizeSvg(node: Element): string {
  const html = node.outerHTML;
  return html
    .replace(/(\d+\.\d{3})\d+/g, "$1")
    .replace(/></g, ">\n<")
    .trim() + "\n";
}
