package id.go.cilegon.juare.overview.internal;

import java.util.List;

/** GraphQL ComplaintCounts. */
record ComplaintCounts(int total, List<StatusCount> byStatus, int replyOverdue, int fixOverdue,
                       List<GroupCount> byOpd, List<GroupCount> byKecamatan) {

    /** GraphQL GroupCount: one OPD or kecamatan. */
    record GroupCount(String code, String name, int total, int open, int replyOverdue, int fixOverdue,
                      List<StatusCount> byStatus) {
    }
}
