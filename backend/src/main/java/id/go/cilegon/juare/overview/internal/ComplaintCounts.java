package id.go.cilegon.juare.overview.internal;

import java.util.List;

/** GraphQL ComplaintCounts. */
record ComplaintCounts(int total, List<StatusCount> byStatus, int replyOverdue, int fixOverdue,
                       List<GroupCount> byOpd, List<GroupCount> byKecamatan) {

    /** GraphQL GroupCount: one OPD or kecamatan; {@code medianReplySeconds} only for OPDs, null when unknown. */
    record GroupCount(String code, String name, int total, int open, int replyOverdue, int fixOverdue,
                      List<StatusCount> byStatus, Integer medianReplySeconds) {

        GroupCount withMedianReplySeconds(Integer seconds) {
            return new GroupCount(code, name, total, open, replyOverdue, fixOverdue, byStatus, seconds);
        }
    }
}
