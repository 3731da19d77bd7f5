/** The dashboard's overview: complaint counts, the clustered complaint map, and the command centre's shifts. */
package id.go.cilegon.juare.overview;
