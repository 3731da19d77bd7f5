package id.go.cilegon.juare.overview.internal;

import id.go.cilegon.juare.complaint.ComplaintFilter;
import id.go.cilegon.juare.complaint.ComplaintScope;
import graphql.schema.DataFetchingFieldSelectionSet;
import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.geo.Kecamatan;
import id.go.cilegon.juare.overview.internal.ComplaintCounts.GroupCount;
import id.go.cilegon.juare.overview.internal.ComplaintCountsRepository.CountRow;
import id.go.cilegon.juare.overview.internal.ComplaintCountsRepository.MedianReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * ComplaintCounts: totals by status, by OPD (those with complaints, by name) and by kecamatan (all of them), with
 * overdue counts as of now, and the OPDs' median reply times when asked for. Complaints not yet dispatched have no
 * OPD and count in no OPD's row.
 */
@Controller
class ComplaintCountsController {

    private final ComplaintCountsRepository counts;
    private final AgencyCatalog catalog;
    private final CityMap cityMap;
    private final Clock clock;

    ComplaintCountsController(ComplaintCountsRepository counts, AgencyCatalog catalog, CityMap cityMap, Clock clock) {
        this.counts = counts;
        this.catalog = catalog;
        this.cityMap = cityMap;
        this.clock = clock;
    }

    /** How far back the median reply time looks: complaints dispatched in the last 30 days. */
    static final Duration MEDIAN_REPLY_WINDOW = Duration.ofDays(30);

    @QueryMapping
    Mono<ComplaintCounts> complaintCounts(@Argument ComplaintFilter filter, DataFetchingFieldSelectionSet selection) {
        // the medians cost a sort per OPD: only when the client asks for them
        boolean medians = selection.contains("byOpd/medianReplySeconds");
        // one now for the filter and the counts: an overdue filter and its counts agree
        Instant now = clock.instant();
        return ComplaintScope.ofCaller(filter, now)
                .flatMap(scope -> medians
                        ? Mono.zip(countsInScope(scope, now), medianReplies(scope), ComplaintCountsController::withMedians)
                        : countsInScope(scope, now));
    }

    private Mono<ComplaintCounts> countsInScope(ComplaintScope scope, Instant now) {
        return rowsInScope(scope, now)
                .flatMap(this::withNames);
    }

    private Mono<Map<String, Integer>> medianReplies(ComplaintScope scope) {
        return counts.medianReplySeconds(scope, clock.instant().minus(MEDIAN_REPLY_WINDOW))
                .collectMap(MedianReply::opdCode, MedianReply::seconds);
    }

    static ComplaintCounts withMedians(ComplaintCounts counts, Map<String, Integer> medians) {
        List<GroupCount> opds = counts.byOpd().stream()
                .map(group -> group.withMedianReplySeconds(medians.get(group.code())))
                .toList();
        return new ComplaintCounts(counts.total(), counts.byStatus(), counts.replyOverdue(), counts.fixOverdue(), opds,
                counts.byKecamatan());
    }

    private Mono<List<CountRow>> rowsInScope(ComplaintScope scope, Instant now) {
        return counts.countRows(scope, now)
                .collectList();
    }

    private Mono<ComplaintCounts> withNames(List<CountRow> rows) {
        return Mono.zip(catalog.snapshot(), cityMap.kecamatan())
                .map(names -> toCounts(rows, names.getT1(), names.getT2()));
    }

    static ComplaintCounts toCounts(List<CountRow> rows, AgencyCatalog.Catalog catalog, List<Kecamatan> kecamatan) {
        Tally all = new Tally();
        Map<String, Tally> byOpd = new HashMap<>();
        Map<String, Tally> byKecamatan = new HashMap<>();
        for (CountRow row : rows) {
            switch (row.grouping()) {
                case STATUS -> all.add(row);
                case OPD -> {
                    if (row.opdCode() != null) {
                        byOpd.computeIfAbsent(row.opdCode(), code -> new Tally()).add(row);
                    }
                }
                case KECAMATAN -> byKecamatan.computeIfAbsent(row.kecamatanCode(), code -> new Tally()).add(row);
            }
        }
        List<GroupCount> opds = byOpd.entrySet().stream()
                .map(entry -> entry.getValue().group(entry.getKey(), opdName(catalog, entry.getKey()), Tally.OPEN))
                .sorted(Comparator.comparing(GroupCount::name).thenComparing(GroupCount::code))
                .toList();
        List<GroupCount> areas = kecamatan.stream()
                .map(k -> byKecamatan.getOrDefault(k.code(), new Tally()).group(k.code(), k.name(), Tally.OPEN_IN_KECAMATAN))
                .toList();
        return new ComplaintCounts(all.total(), all.byStatus(), all.replyOverdue(), all.fixOverdue(), opds, areas);
    }

    private static String opdName(AgencyCatalog.Catalog catalog, String code) {
        Opd opd = catalog.opds().get(code);
        return opd == null ? code : opd.name();
    }
}
