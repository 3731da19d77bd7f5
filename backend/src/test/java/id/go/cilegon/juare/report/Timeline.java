package id.go.cilegon.juare.report;

import id.go.cilegon.juare.overview.Seed;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Complaints with events at chosen times, as LifecycleService writes them (type, status after, the OPD after, payload
 * with the clocks on dispatch, reroute and dispute; the complaint row's status and OPD follow its last event). Category
 * JALAN: 24 h to reply, 72 h to fix.
 */
public final class Timeline {

    private final DatabaseClient db;
    private final Seed seed;

    public Timeline(DatabaseClient db, Seed seed) {
        this.db = db;
        this.seed = seed;
    }

    public Complaint filed(Instant at) {
        Seed.ComplaintSpec spec = seed.complaint().filedAt(at).insert();
        Complaint complaint = new Complaint(spec);
        return complaint.event("SUBMITTED", "RESIDENT", at, "{}");
    }

    public final class Complaint {

        final Seed.ComplaintSpec spec;
        private String opd;
        private String status = "SUBMITTED";

        Complaint(Seed.ComplaintSpec spec) {
            this.spec = spec;
        }

        public UUID id() {
            return spec.id();
        }

        public String trackingNumber() {
            return spec.trackingNumber();
        }

        public Complaint dispatched(String opdCode, Instant at) {
            opd = opdCode;
            status = "DISPATCHED";
            return event("DISPATCHED", "STAFF", at, clocks("\"opdCode\": \"" + opdCode + "\"", at));
        }

        public Complaint rerouted(String to, Instant at) {
            String from = opd;
            opd = to;
            status = "DISPATCHED";
            return event("REROUTED", "STAFF", at, clocks("\"fromOpd\": \"" + from + "\", \"toOpd\": \"" + to + "\", \"misrouted\": true", at));
        }

        public Complaint replied(Instant at) {
            status = "IN_PROGRESS";
            return event("REPLIED", "STAFF", at, "{\"message\": \"Tim kami akan meninjau lokasi besok pagi.\"}");
        }

        public Complaint transferRequested(Instant at) {
            return event("TRANSFER_REQUESTED", "STAFF", at, "{\"message\": \"Bukan kewenangan kami, mohon dialihkan.\"}");
        }

        public Complaint resolved(Instant at) {
            status = "RESOLVED";
            return event("RESOLVED", "STAFF", at, "{\"message\": \"Sudah diperbaiki oleh petugas kami.\", \"afterPhotos\": 1}");
        }

        public Complaint disputed(Instant at) {
            status = "REOPENED";
            return event("DISPUTED", "RESIDENT", at, "{\"message\": \"Belum diperbaiki sama sekali.\", \"photos\": 0, \"fixDueAt\": \""
                    + at.plus(Duration.ofHours(72)) + "\"}");
        }

        public Complaint confirmed(Instant at) {
            status = "CLOSED";
            return event("CONFIRMED", "RESIDENT", at, "{\"rating\": 5}");
        }

        public Complaint rejected(Instant at) {
            status = "REJECTED";
            return event("REJECTED", "STAFF", at, "{\"reason\": \"SPAM\"}");
        }

        private static String clocks(String fields, Instant at) {
            return "{" + fields + ", \"replyDueAt\": \"" + at.plus(Duration.ofHours(24)) + "\", \"fixDueAt\": \""
                    + at.plus(Duration.ofHours(72)) + "\"}";
        }

        private Complaint event(String type, String actor, Instant at, String payload) {
            seed.event(spec.id(), type, actor, at, status, opd, payload);
            // the report finds its candidates by the row's status, as the lifecycle keeps it
            DatabaseClient.GenericExecuteSpec row = db.sql("UPDATE complaint SET status = :status, opd_code = :opd WHERE id = :complaint")
                    .bind("complaint", spec.id())
                    .bind("status", status);
            row = opd == null ? row.bindNull("opd", String.class) : row.bind("opd", opd);
            row.then().block();
            return this;
        }
    }
}
