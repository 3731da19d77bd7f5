/** The city's geography: kecamatan and kelurahan with their boundaries, and which one a point lies in. */
package id.go.cilegon.juare.geo;
