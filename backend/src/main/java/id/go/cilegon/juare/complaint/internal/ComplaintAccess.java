package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.Complaint;

/** Who may see a complaint: its resident; operators, the mayor and admins; the staff of the OPD it is with. */
final class ComplaintAccess {

    private ComplaintAccess() {
    }

    static boolean maySee(Caller caller, Complaint complaint) {
        if (caller.isResident()) {
            return caller.id().equals(complaint.residentId());
        }
        if (caller.seesAllComplaints()) {
            return true;
        }
        return caller.isOpdStaff() && caller.opdCode().equals(complaint.opdCode());
    }

    /** The resident's name and phone: the resident and the operators only. */
    static boolean maySeeReporter(Caller caller, Complaint complaint) {
        return (caller.isResident() && caller.id().equals(complaint.residentId())) || (caller.isStaff() && caller.hasRole("OPERATOR"));
    }
}
