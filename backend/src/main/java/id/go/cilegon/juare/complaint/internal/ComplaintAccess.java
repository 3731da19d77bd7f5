package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.StoredEvent;
import java.util.List;

/**
 * Who may see what of a complaint: the one rule every field that returns a complaint, or a person's data of one,
 * asks (complaint(id), duplicateOf, possibleDuplicates, the events' complaint, timelines, reporters, photos).
 * <p>
 * A complaint: its resident; operators, the mayor and admins; the staff of the OPD it is with now.
 * Within a complaint one may see, the timeline: residents see what is meant for them, without staff names; an OPD
 * sees what happened while the complaint was with another OPD only as the resident does (no internal notes, no
 * names of that OPD's staff); operators, the mayor and admins see all of it.
 */
final class ComplaintAccess {

    /** How a caller sees one timeline entry. */
    enum EntryView { FULL, AS_RESIDENT, HIDDEN }

    private ComplaintAccess() {
    }

    /**
     * Whose a complaint is, as data: the resident who filed it and the OPD holding it. The visibility rule reads only
     * this, so a live event (which carries both as of its moment) and a complaint read from the database are judged
     * by the same code, in memory.
     */
    record Holders(java.util.UUID residentId, String opdCode) {

        static Holders of(Complaint complaint) {
            return new Holders(complaint.residentId(), complaint.opdCode());
        }

        /** As the event recorded them: the OPD holding the complaint when it happened. */
        static Holders of(StoredEvent event) {
            return new Holders(event.residentId(), event.opdCode());
        }
    }

    static boolean maySee(Caller caller, Complaint complaint) {
        return complaint != null && maySee(caller, Holders.of(complaint));
    }

    /** The rule: its resident; operators, the mayor and admins; the staff of the OPD holding it. */
    static boolean maySee(Caller caller, Holders holders) {
        if (caller.isResident()) {
            return caller.id().equals(holders.residentId());
        }
        if (caller.seesAllComplaints()) {
            return true;
        }
        return caller.isOpdStaff() && caller.opdCode().equals(holders.opdCode());
    }

    /** Those of the complaints the caller may see, in order. */
    static List<Complaint> visible(Caller caller, List<Complaint> complaints) {
        return complaints.stream().filter(c -> maySee(caller, c)).toList();
    }

    /**
     * For queries that select complaints in SQL: the one OPD the caller is limited to, or null when it sees every
     * complaint. Residents and anonymous callers never get here (callers check {@link #staffOnly}).
     */
    static String opdScope(Caller caller) {
        return caller.seesAllComplaints() ? null : caller.opdCode();
    }

    /** Fields for staff only (possible duplicates, the suggested OPD, a transfer's reason). */
    static boolean staffOnly(Caller caller) {
        return caller.seesAllComplaints() || caller.isOpdStaff();
    }

    /** The resident's name and phone: the resident and the operators only. */
    static boolean maySeeReporter(Caller caller, Complaint complaint) {
        return (caller.isResident() && caller.id().equals(complaint.residentId())) || (caller.isStaff() && caller.hasRole("OPERATOR"));
    }

    /** One timeline entry of a complaint the caller may see. */
    static EntryView entryView(Caller caller, StoredEvent event) {
        if (caller.seesAllComplaints()) {
            return EntryView.FULL;
        }
        if (caller.isOpdStaff() && (event.opdCode() == null || caller.opdCode().equals(event.opdCode()))) {
            return EntryView.FULL;
        }
        if (caller.isStaff() && !caller.isOpdStaff()) {
            return EntryView.HIDDEN;
        }
        return event.visibleToResident() ? EntryView.AS_RESIDENT : EntryView.HIDDEN;
    }
}
