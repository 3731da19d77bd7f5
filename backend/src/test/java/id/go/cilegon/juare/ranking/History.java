package id.go.cilegon.juare.ranking;

import id.go.cilegon.juare.overview.Seed;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A hand-written complaint history in the past: the complaint row as it stands and its events at chosen times, as
 * LifecycleService writes them (type, status after, the OPD after, payload). For figures with known answers.
 */
final class History {

    private final Seed seed;

    History(Seed seed) {
        this.seed = seed;
    }

    /** A complaint of category JALAN (24 h to reply, 72 h to fix), filed at {@code filed}, as it stands now. */
    Story story(Instant filed, String status, String opdNow) {
        Seed.ComplaintSpec spec = seed.complaint().filedAt(filed).status(status).opd(opdNow);
        return new Story(spec, filed);
    }

    final class Story {

        final Seed.ComplaintSpec spec;
        private final Instant filed;
        private String opd;
        private String status = "SUBMITTED";

        Story(Seed.ComplaintSpec spec, Instant filed) {
            this.spec = spec;
            this.filed = filed;
        }

        UUID id() {
            return spec.id();
        }

        /** The row as it stands now, with its current clocks; call before the events. */
        Story row(Instant replyDue, Instant fixDue, Instant firstReply) {
            spec.replyDue(replyDue).fixDue(fixDue).repliedAt(firstReply).insert();
            event("SUBMITTED", "RESIDENT", filed, null, "{}");
            return this;
        }

        Story dispatched(String opdCode, Instant at) {
            return dispatched(opdCode, at, "{\"opdCode\": \"" + opdCode + "\", \"replyDueAt\": \"" + at.plus(Duration.ofHours(24))
                    + "\", \"fixDueAt\": \"" + at.plus(Duration.ofHours(72)) + "\"}");
        }

        Story dispatched(String opdCode, Instant at, String payload) {
            opd = opdCode;
            status = "DISPATCHED";
            return event("DISPATCHED", "STAFF", at, opd, payload);
        }

        Story replied(Instant at, String message) {
            status = "IN_PROGRESS";
            return event("REPLIED", "STAFF", at, opd, "{\"message\": \"" + message + "\"}");
        }

        /** A reply the lifecycle judged a template (ADR 0018): on the event, as LifecycleService writes it. */
        Story templateReplied(Instant at, String message) {
            status = "IN_PROGRESS";
            return event("REPLIED", "STAFF", at, opd, "{\"message\": \"" + message + "\", \"template\": true}");
        }

        Story transferRequested(Instant at) {
            return event("TRANSFER_REQUESTED", "STAFF", at, opd, "{\"message\": \"Bukan kewenangan kami, mohon dialihkan.\"}");
        }

        Story rerouted(String to, boolean misrouted, Instant at) {
            String from = opd;
            opd = to;
            status = "DISPATCHED";
            return event("REROUTED", "STAFF", at, opd, "{\"fromOpd\": \"" + from + "\", \"toOpd\": \"" + to + "\", \"misrouted\": "
                    + misrouted + ", \"replyDueAt\": \"" + at.plus(Duration.ofHours(24)) + "\", \"fixDueAt\": \""
                    + at.plus(Duration.ofHours(72)) + "\"}");
        }

        Story resolved(Instant at, String note) {
            status = "RESOLVED";
            return event("RESOLVED", "STAFF", at, opd, "{\"message\": \"" + note + "\", \"afterPhotos\": 1}");
        }

        Story disputed(Instant at) {
            status = "REOPENED";
            return event("DISPUTED", "RESIDENT", at, opd, "{\"message\": \"Belum diperbaiki sama sekali.\", \"photos\": 0}");
        }

        Story confirmed(Instant at, int rating) {
            status = "CLOSED";
            return event("CONFIRMED", "RESIDENT", at, opd, "{\"rating\": " + rating + "}");
        }

        Story autoClosed(Instant at) {
            status = "CLOSED";
            return event("AUTO_CLOSED", "SYSTEM", at, opd, "{\"message\": \"Ditutup otomatis\"}");
        }

        /** An operator's check of an auto-closed fix (ADR 0021): verified (stays CLOSED) or rejected (REOPENED). */
        Story fixVerified(Instant at) {
            return event("FIX_VERIFIED", "STAFF", at, opd, "{\"message\": \"Perbaikan sudah diperiksa\"}");
        }

        Story fixRejected(Instant at) {
            status = "REOPENED";
            return event("FIX_REJECTED", "STAFF", at, opd, "{\"message\": \"Foto sesudah sama dengan foto sebelum\"}");
        }

        Story overdue(String type, Instant at) {
            return event(type, "SYSTEM", at, opd, "{}");
        }

        private Story event(String type, String actor, Instant at, String opdCode, String payload) {
            seed.event(spec.id(), type, actor, at, status, opdCode, payload);
            return this;
        }
    }
}
