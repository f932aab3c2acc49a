/**
 * Gives a Plot chart a text alternative that states its message. Plot labels its inner
 * <g> groups with aria-label, which ARIA does not allow on elements without a role:
 * those become role="group" so the labels stay meaningful to screen readers.
 */
export function describeChart<T extends Element>(chart: T, message: string): T {
  const svgs = chart.tagName.toLowerCase() === "svg" ? [chart] : [...chart.querySelectorAll("svg")];
  const main = svgs.at(-1);
  if (main) {
    main.setAttribute("role", "img");
    main.setAttribute("aria-label", message);
    for (const group of main.querySelectorAll("g[aria-label]")) group.setAttribute("role", "group");
  }
  // Legends (colour ramps) are decorative next to the stated message.
  for (const legend of svgs.slice(0, -1)) legend.setAttribute("aria-hidden", "true");
  if (chart !== main) chart.setAttribute("aria-label", message);
  return chart;
}
