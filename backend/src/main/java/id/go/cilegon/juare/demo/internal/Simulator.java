package id.go.cilegon.juare.demo.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.demo.ComplaintSimulator;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.platform.PersonalDataCipher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Plans a {@link MonthSimulation} and writes it in one transaction. */
@Service
class Simulator implements ComplaintSimulator {

    private final TransactionalOperator tx;
    private final CityMap cityMap;
    private final AgencyCatalog catalog;
    private final HistoryWriter writer;

    Simulator(DatabaseClient db, TransactionalOperator tx, EventLog eventLog, CityMap cityMap, AgencyCatalog catalog,
              PersonalDataCipher cipher) {
        this.tx = tx;
        this.cityMap = cityMap;
        this.catalog = catalog;
        this.writer = new HistoryWriter(db, eventLog, cipher);
    }

    @Override
    public Mono<Simulation> simulate(long seed, LocalDate firstDay, int days, int perDay, Instant until) {
        if (days < 1 || perDay < 1) {
            return Mono.error(new IllegalArgumentException("days and perDay must be positive"));
        }
        return Mono.zip(catalog.snapshot(), cityMap.index())
                .map(t -> new MonthSimulation(seed, firstDay, days, perDay, until, t.getT1(), t.getT2()).plan())
                .flatMap(this::write);
    }

    private Mono<Simulation> write(MonthSimulation.Plan plan) {
        List<DemoComplaint.TimedEvent> events = plan.eventsInOrder();
        return writer.insertResidents(plan.residents())
                .then(writer.insertComplaints(plan.complaints()))
                .then(writer.appendEvents(events))
                .as(tx::transactional)
                .thenReturn(new Simulation(plan.complaints().size(), events.size(), plan.prefix()));
    }
}
