/** The areas of the education monitoring guideline, in the order pages show them. */
export const AREA_ORDER = ["Frühkindliche Bildung", "Allgemeinbildende Schule", "Berufliche Bildung", "Hochschule", "Weiterbildung", "Rahmenbedingungen"];
