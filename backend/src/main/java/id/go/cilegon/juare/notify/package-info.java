/**
 * Messages to people through WhatsApp: the port and its adapters (development log, WhatsApp Cloud API), the
 * notification outbox (queued in the transaction of a change, sent afterwards with retries), and the texts about
 * a complaint in Bahasa Indonesia.
 */
package id.go.cilegon.juare.notify;
