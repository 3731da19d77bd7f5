/**
 * The mayor's daily report: for one WIB day, every OPD's received, handled, not handled and overdue complaints and the
 * city's totals as of the day's end, computed from the event log; the ranking of the 30 days up to it; a PDF and a CSV;
 * made every morning once across instances and sent by WhatsApp to the mayor and the head of Diskominfo.
 * Definitions: docs/report.md.
 */
package id.go.cilegon.juare.report;
