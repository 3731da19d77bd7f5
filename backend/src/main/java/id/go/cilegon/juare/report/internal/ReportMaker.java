package id.go.cilegon.juare.report.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Opd;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes a day's report from the event log and renders its files; stores nothing. The service runs it inside its
 * transaction.
 */
@Component
class ReportMaker {

    /** The ranking shown is that of the 30 days ending on the reported day. */
    static final int RANKING_DAYS = 30;

    // our own mapper, not the application's: the content hash must not change with a JSON setting elsewhere
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportRepository repository;
    private final Standings standings;
    private final AgencyCatalog catalog;

    ReportMaker(ReportRepository repository, Standings standings, AgencyCatalog catalog) {
        this.repository = repository;
        this.standings = standings;
        this.catalog = catalog;
    }

    /** A made report: its content, the content's JSON (as stored and hashed), the hash and the files. */
    record Made(ReportContent content, String json, String contentHash, byte[] pdf, byte[] csv) {
    }

    Mono<Made> make(LocalDate day) {
        return content(day)
                .publishOn(Schedulers.boundedElastic())
                .map(ReportMaker::render);
    }

    static Made render(ReportContent content) {
        String json = JSON.writeValueAsString(content);
        String hash = sha256(json.getBytes(StandardCharsets.UTF_8));
        return new Made(content, json, hash, ReportPdf.render(content, hash), ReportCsv.zip(content));
    }

    /** The figures; one query after the other on the transaction's connection. */
    Mono<ReportContent> content(LocalDate day) {
        Instant from = IndonesianDates.startOf(day);
        Instant cutoff = IndonesianDates.cutoffOf(day);
        return repository.atCutoff(cutoff)
                .flatMap(state -> repository.dayCounts(from, cutoff).collectList()
                        .flatMap(counts -> standings.of(day.minusDays(RANKING_DAYS - 1), day, cutoff)
                                .flatMap(ranking -> catalog.snapshot()
                                        .map(snapshot -> assemble(day, cutoff, state.backlog(), counts, state.awaitingDispatch(),
                                                ranking, snapshot.opds())))));
    }

    static ReportContent assemble(LocalDate day, Instant cutoff, List<ReportRepository.OpenComplaint> backlog,
                                  List<ReportRepository.DayCounts> counts, int awaiting, List<Standings.Standing> ranking,
                                  Map<String, Opd> opds) {
        Map<String, int[]> dayFigures = new HashMap<>();
        int[] city = new int[2];
        for (ReportRepository.DayCounts c : counts) {
            if (c.opdCode() == null) {
                city = new int[] {c.received(), c.handled()};
            } else {
                dayFigures.put(c.opdCode(), new int[] {c.received(), c.handled()});
            }
        }
        Map<String, List<ReportRepository.OpenComplaint>> open = new HashMap<>();
        for (ReportRepository.OpenComplaint c : backlog) {
            open.computeIfAbsent(c.opdCode(), code -> new ArrayList<>()).add(c);
        }
        // ranking order first, then the OPDs the ranking does not list, by code
        Set<String> codes = new LinkedHashSet<>();
        Map<String, Standings.Standing> byCode = new LinkedHashMap<>();
        for (Standings.Standing standing : ranking) {
            codes.add(standing.opdCode());
            byCode.put(standing.opdCode(), standing);
        }
        Set<String> others = new TreeSet<>(dayFigures.keySet());
        others.addAll(open.keySet());
        codes.addAll(others);
        List<ReportContent.OpdSection> sections = new ArrayList<>();
        int overdueTotal = 0;
        for (String code : codes) {
            List<ReportContent.OverdueComplaint> overdue = open.getOrDefault(code, List.of()).stream()
                    .map(c -> overdue(c, cutoff))
                    .filter(c -> c != null)
                    .sorted(Comparator.comparing(ReportContent.OverdueComplaint::breachedAt)
                            .thenComparing(ReportContent.OverdueComplaint::trackingNumber))
                    .toList();
            int[] dayOf = dayFigures.getOrDefault(code, new int[2]);
            Standings.Standing standing = byCode.get(code);
            String name = standing != null && standing.opdName() != null ? standing.opdName()
                    : opds.containsKey(code) ? opds.get(code).name() : code;
            sections.add(new ReportContent.OpdSection(code, name,
                    new ReportContent.Figures(dayOf[0], dayOf[1], open.getOrDefault(code, List.of()).size(), overdue.size()),
                    standing != null && standing.ranked() ? standing.rank() : null,
                    standing == null ? null : standing.score(),
                    overdue,
                    standing == null ? null : standing.scoreLow(),
                    standing == null ? null : standing.scoreHigh(),
                    standing != null && standing.fewComplaints()));
            overdueTotal += overdue.size();
        }
        ReportContent.Figures totals = new ReportContent.Figures(city[0], city[1], backlog.size(), overdueTotal);
        return new ReportContent(day, cutoff, totals, awaiting, sections);
    }

    /**
     * Overdue at the cut-off (as ClockJob and the ranking's "overdue now" judge it): no real reply although the reply
     * clock ran out, or the fix clock ran out; under the lifecycle rules of before ADR 0022, not while a transfer request
     * was pending (ReportRepository). Null when it is not overdue.
     */
    static ReportContent.OverdueComplaint overdue(ReportRepository.OpenComplaint c, Instant cutoff) {
        if (c.transferPending()) {
            return null;
        }
        boolean reply = c.firstReplyAt() == null && c.replyDueAt().isBefore(cutoff);
        boolean fix = c.fixDueAt().isBefore(cutoff);
        if (!reply && !fix) {
            return null;
        }
        return new ReportContent.OverdueComplaint(c.complaintId(), c.trackingNumber(), c.categoryCode(), c.kecamatanCode(),
                c.status(), c.receivedAt(), c.replyDueAt(), c.fixDueAt(), reply, fix);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
