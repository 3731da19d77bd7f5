package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.platform.ApiException;

/** GraphQL BoundingBoxInput, in degrees (WGS 84). */
record BoundingBox(double south, double west, double north, double east) {

    /** INVALID_INPUT unless south < north and west < east, all within the globe (no box across the antimeridian). */
    BoundingBox validated() {
        if (south < -90 || north > 90 || west < -180 || east > 180) {
            throw ApiException.invalidInput(
                    "map.box.coordinates");
        }
        if (south >= north || west >= east) {
            throw ApiException.invalidInput(
                    "map.box.order");
        }
        return this;
    }
}
