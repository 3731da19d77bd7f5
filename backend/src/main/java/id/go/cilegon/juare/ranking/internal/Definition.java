package id.go.cilegon.juare.ranking.internal;

import java.time.Instant;

/**
 * GraphQL RankingDefinition: how figures become a score, in force from {@code effectiveFrom} (table
 * ranking_definition). The ranking at an instant uses the definition in force at that instant.
 *
 * @param priorStrength SHRUNK: how many imaginary complaints at the city's rate are added to each OPD's own
 * @param fewComplaints an OPD that received fewer complaints is marked "few complaints"
 * @param unverifiedCredit how much an on-time fix that closed by itself and no operator verified counts (1 = fully;
 *                         version 3: 0.5, ADR 0021)
 */
record Definition(int version, Method method, double priorStrength, int fewComplaints, Instant effectiveFrom,
                  String description, double unverifiedCredit) {

    enum Method { PLAIN, SHRUNK }

    /** A definition before verified fixes: every on-time fix counts fully. */
    Definition(int version, Method method, double priorStrength, int fewComplaints, Instant effectiveFrom, String description) {
        this(version, method, priorStrength, fewComplaints, effectiveFrom, description, 1.0);
    }

    /** What the ranking did before definitions were recorded (version 1). */
    static final Definition PLAIN = new Definition(1, Method.PLAIN, 0, 0, Instant.EPOCH, "Plain rates (issue 5)");
}
