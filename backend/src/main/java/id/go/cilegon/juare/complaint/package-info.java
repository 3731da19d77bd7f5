/** Complaints: filing, the resident's list and detail, tracking numbers, and the live events of a complaint. */
package id.go.cilegon.juare.complaint;
