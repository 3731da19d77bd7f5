/** Residents: NIK and WhatsApp number checks, sign-in with a one-time code, the resident's record. */
package id.go.cilegon.juare.resident;
