/**
 * The profile card's charts (trend and position strip), with Plot and d3 behind them. The
 * profile loads this module when the first card comes into view, so the first screen ("Auf
 * einen Blick") loads without the chart library (the profile's page budget, issue #12 §8).
 */
export {planTrend, trendChart} from "../shared/charts/trend-chart.js";
export {positionStrip} from "./position-strip.js";
