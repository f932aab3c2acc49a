// Observable Framework configuration. The site is German and fully self-hosted:
// no web fonts, no telemetry, no CDN (see pipelines/site/offline-cache.ts).
import {dynamicPaths} from "./pipelines/site/dynamic-paths.ts";
import {SAMPLE_ENV, pathsToRender} from "./pipelines/site/clone-pages.ts";

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
  // `npm run build` renders two pages per template and clones the others (clone-pages.ts).
  dynamicPaths: pathsToRender(dynamicPaths(), process.env[SAMPLE_ENV] === "1"),
  pages: [
    {name: "Kreise im Vergleich", path: "/"},
    {name: "Karten", path: "/karte/"},
    {name: "Indikatoren", path: "/indikatoren/"},
    {name: "Programmreichweite", path: "/programm/"},
    {name: "Eigene Daten", path: "/eigene-daten/"},
    {
      name: "Fortbildung",
      open: false,
      pages: [
        {name: "Übersicht", path: "/fortbildung/"},
        {name: "1 · Betreuung unter 3", path: "/fortbildung/kita-u3"},
        {name: "2 · Ohne Hauptschulabschluss", path: "/fortbildung/ohne-abschluss"},
        {name: "3 · Abitur und G8/G9", path: "/fortbildung/abitur-g8-g9"},
        {name: "4 · Übergang in den Beruf", path: "/fortbildung/uebergang-beruf"},
        {name: "5 · Berlin kleinräumig", path: "/fortbildung/berlin-kinderarmut-kita"},
        {name: "Fallstricke", path: "/fortbildung/fallstricke"}
      ]
    },
    {name: "Daten und Quellen", path: "/daten/"}
  ]
};
