package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import java.time.Instant;
import java.util.List;

/**
 * GraphQL ComplaintFilter. A null or empty list does not restrict; {@code from} is inclusive, {@code to} exclusive,
 * both on the filing time.
 */
record ComplaintFilter(List<String> opdCodes, List<String> kecamatanCodes, List<String> categoryCodes,
                       List<ComplaintStatus> statuses, Instant from, Instant to) {

    static final ComplaintFilter NONE = new ComplaintFilter(null, null, null, null, null, null);
}
