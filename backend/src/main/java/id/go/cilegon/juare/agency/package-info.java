/** Who handles what: the city's agencies (OPD) and the complaint categories with their default OPD and clocks. */
package id.go.cilegon.juare.agency;
