package id.go.cilegon.juare.complaint;

import java.time.Instant;
import java.util.List;

/**
 * GraphQL ComplaintFilter. A null or empty list does not restrict; {@code from} is inclusive, {@code to} exclusive,
 * both on the filing time; {@code overdue} keeps the complaints at an OPD whose clock ran out (null: no restriction).
 */
public record ComplaintFilter(List<String> opdCodes, List<String> kecamatanCodes, List<String> categoryCodes,
                              List<ComplaintStatus> statuses, Instant from, Instant to, OverdueFilter overdue) {

    public static final ComplaintFilter NONE = new ComplaintFilter(null, null, null, null, null, null, null);
}
