/**
 * The complaint event log: append-only, ids gap-free and in commit order; PostgreSQL NOTIFY on commit, one LISTEN
 * connection per instance feeding one shared hot stream, and resumption from the log with no gap and no duplicate.
 */
package id.go.cilegon.juare.event;
