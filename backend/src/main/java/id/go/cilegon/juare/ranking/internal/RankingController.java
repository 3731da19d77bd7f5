package id.go.cilegon.juare.ranking.internal;

import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.platform.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * opdRanking, opdScorecard (with its trend and drill-down) and opdRankingChanged. The mayor, operators and admins
 * see every OPD; OPD staff see their own scorecard only.
 */
@Controller
class RankingController {

    static final String[] OVERSEERS = {"MAYOR", "OPERATOR", "ADMIN"};
    private static final int MAX_PAGE = 200;

    private final RankingService service;
    private final RankingRepository repository;
    private final LiveRanking live;
    private final Clock clock;

    RankingController(RankingService service, RankingRepository repository, LiveRanking live, Clock clock) {
        this.service = service;
        this.repository = repository;
        this.live = live;
        this.clock = clock;
    }

    @QueryMapping
    Mono<Ranking> opdRanking(@Argument Period.Input period) {
        return CurrentCaller.staffWithRole(OVERSEERS)
                .flatMap(caller -> service.ranking(Period.of(period, clock.instant()), clock.instant()));
    }

    @QueryMapping
    Mono<Scorecard> opdScorecard(@Argument String opdCode, @Argument Period.Input period) {
        return CurrentCaller.staff()
                .flatMap(caller -> maySee(caller, opdCode) ? Mono.just(caller) : Mono.error(ApiException.forbidden()))
                .flatMap(caller -> service.ranking(Period.of(period, clock.instant()), clock.instant()))
                .flatMap(ranking -> {
                    Ranking.Row row = ranking.rowOf(opdCode);
                    return row == null
                            ? Mono.error(ApiException.invalidInput("ranking.opd-unknown", opdCode))
                            : Mono.just(Scorecard.of(ranking, row));
                });
    }

    private static boolean maySee(Caller caller, String opdCode) {
        return caller.seesAllComplaints() || (caller.isOpdStaff() && caller.opdCode().equals(opdCode));
    }

    @SchemaMapping(typeName = "OpdScorecard")
    Mono<List<RankingRepository.Day>> trend(Scorecard card) {
        return repository.trend(card.period(), card.computedAt(), card.opd().code())
                .collectMap(RankingRepository.Day::day, Function.identity())
                .map(byDay -> everyDay(card.period(), byDay));
    }

    @SchemaMapping(typeName = "OpdScorecard")
    Mono<RankingRepository.TemplateReplies> templateReplies(Scorecard card) {
        return repository.templateReplies(card.period(), card.computedAt(), card.opd().code());
    }

    @SchemaMapping(typeName = "OpdScorecard")
    Mono<RankingRepository.TransferRequests> transferRequests(Scorecard card) {
        return repository.transferRequests(card.period(), card.computedAt(), card.opd().code());
    }

    /** Days without complaints appear too, so that a chart's axis has no gaps. */
    private static List<RankingRepository.Day> everyDay(Period period, Map<LocalDate, RankingRepository.Day> byDay) {
        List<RankingRepository.Day> days = new ArrayList<>();
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new RankingRepository.Day(day, 0, null, null, null)));
        }
        return days;
    }

    @SchemaMapping(typeName = "OpdScorecard")
    Mono<Page> complaints(Scorecard card, @Argument RankingRepository.Metric metric, @Argument Integer first,
                          @Argument String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_PAGE) {
            return Mono.error(ApiException.invalidInput("first: 1–" + MAX_PAGE));
        }
        long afterId = RankingCursor.decode(after);
        return repository.complaints(metric, card.period(), card.computedAt(), card.opd().code(), afterId, size + 1)
                .collectList()
                .map(rows -> Page.of(rows, size, after != null));
    }

    /** GraphQL ScorecardComplaintConnection. */
    record Page(List<Edge> edges, PageInfo pageInfo) {

        static Page of(List<RankingRepository.Row> rows, int size, boolean hasPrevious) {
            List<Edge> edges = rows.stream()
                    .limit(size)
                    .map(row -> new Edge(RankingCursor.encode(row.startId()), row))
                    .collect(Collectors.toList());
            return new Page(edges, new PageInfo(rows.size() > size, hasPrevious,
                    edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()));
        }
    }

    record Edge(String cursor, RankingRepository.Row node) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    @SubscriptionMapping
    Flux<Ranking> opdRankingChanged(@Argument Period.Input period) {
        return CurrentCaller.staffWithRole(OVERSEERS)
                // checked once up front, so that a bad period fails the subscription at once
                .map(caller -> Period.of(period, clock.instant()))
                .flatMapMany(checked -> live.rankings(period));
    }
}
