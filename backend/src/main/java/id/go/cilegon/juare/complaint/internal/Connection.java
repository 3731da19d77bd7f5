package id.go.cilegon.juare.complaint.internal;

import java.util.List;

/** A Relay connection page. */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    record Edge<T>(String cursor, T node) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }
}
