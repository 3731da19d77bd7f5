/** Messages to people through WhatsApp: the port, and its adapters (development log, WhatsApp Cloud API). */
package id.go.cilegon.juare.notify;
