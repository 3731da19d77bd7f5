/** Who is calling: JWT access tokens, rotating refresh tokens, and the security rules of the HTTP side. */
package id.go.cilegon.juare.auth;
