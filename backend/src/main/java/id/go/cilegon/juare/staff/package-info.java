/** Staff accounts: operators, OPD responders and heads, the mayor, admins; sign-in with a password and locks. */
package id.go.cilegon.juare.staff;
