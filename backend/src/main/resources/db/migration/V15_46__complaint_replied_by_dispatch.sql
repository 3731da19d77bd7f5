-- The command centre's median reply time per OPD (ComplaintCountsRepository.medianReplySeconds: the complaints
-- dispatched in the last 30 days that have a reply) read every complaint ever filed: no index had dispatched_at, so
-- CommandCentreOverview grew with the history (42 ms at 10,000 complaints, 374 ms at a million; counts.md). Now it
-- reads the period's replied dispatches only, from the index alone for the unfiltered overview (the OPD and the
-- reply time are in it).
CREATE INDEX complaint_replied_by_dispatch ON complaint (dispatched_at) INCLUDE (opd_code, first_reply_at)
    WHERE first_reply_at IS NOT NULL AND opd_code IS NOT NULL;
