// Observable Framework configuration. The site is German and fully self-hosted:
// no web fonts, no telemetry, no CDN (see pipelines/site/offline-cache.ts).
export default {
  title: "Kommunaler Bildungsmonitor",
  root: "src",
  output: "dist",
  // Clean URLs: /daten/ and /profil/05315 without ".html".
  preserveIndex: false,
  preserveExtension: false,
  // Local stylesheet only: the default theme would load Source Serif from Google Fonts.
  globalStylesheets: [],
  style: "style.css",
  head: '<meta name="robots" content="noindex"><link rel="icon" href="data:,">',
  header: "",
  footer:
    'Kommunaler Bildungsmonitor · Daten: © Statistische Ämter des Bundes und der Länder, INKAR (BBSR Bonn), © GeoBasis-DE / BKG 2021, Amt für Statistik Berlin-Brandenburg · Lizenz der Daten: <a href="/daten/">Datenlizenz Deutschland – Namensnennung 2.0 und CC BY</a>',
  search: false,
  sidebar: true,
  pager: false,
  toc: false,
  // Framework pins duckdb-wasm; without this the build downloads DuckDB extensions.
  duckdb: {extensions: {json: null, parquet: null}},
  pages: [
    {name: "Kreise im Vergleich", path: "/"},
    {name: "Daten und Quellen", path: "/daten/"}
  ]
};
