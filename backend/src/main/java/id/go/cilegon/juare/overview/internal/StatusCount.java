package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintStatus;

/** GraphQL StatusCount. */
record StatusCount(ComplaintStatus status, int count) {
}
