/**
 * The OPD responsiveness ranking: per OPD and period, figures computed from the event log (reply and fix clocks,
 * reopen rate, ratings, auto-closures, open work now), a composite score with configured weights, the complaints
 * behind every figure, and live updates. Definitions: docs/ranking.md.
 */
package id.go.cilegon.juare.ranking;
