package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.geo.CityMap;
import id.go.cilegon.juare.geo.Kecamatan;
import id.go.cilegon.juare.notify.CommandCentreContacts;
import id.go.cilegon.juare.notify.ComplaintMessages;
import id.go.cilegon.juare.notify.NotificationOutbox;
import id.go.cilegon.juare.resident.ResidentDirectory;
import id.go.cilegon.juare.staff.StaffDirectory;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queues the WhatsApp messages a transition causes, in its transaction (the outbox sends them after commit):
 * the resident hears of dispatch, the first reply, resolution, closure and rejection; an OPD's heads and the
 * command centre hear of every breached clock.
 */
@Component
class ComplaintNotifier {

    private final NotificationOutbox outbox;
    private final ResidentDirectory residents;
    private final StaffDirectory staff;
    private final CommandCentreContacts commandCentre;
    private final AgencyCatalog catalog;
    private final CityMap cityMap;
    private final ClockProperties clocks;
    private final Clock clock;

    ComplaintNotifier(NotificationOutbox outbox, ResidentDirectory residents, StaffDirectory staff, CommandCentreContacts commandCentre,
                      AgencyCatalog catalog, CityMap cityMap, ClockProperties clocks, Clock clock) {
        this.outbox = outbox;
        this.residents = residents;
        this.staff = staff;
        this.commandCentre = commandCentre;
        this.catalog = catalog;
        this.cityMap = cityMap;
        this.clocks = clocks;
        this.clock = clock;
    }

    Mono<Void> dispatched(Complaint complaint, Opd opd) {
        return toResident(complaint, "DISPATCHED",
                ComplaintMessages.dispatched(complaint.trackingNumber(), opd.name(), complaint.replyDueAt(), complaint.fixDueAt()));
    }

    Mono<Void> rejected(Complaint complaint, String reason, String note) {
        return toResident(complaint, "REJECTED", ComplaintMessages.rejected(complaint.trackingNumber(), reason, note));
    }

    Mono<Void> firstReply(Complaint complaint, String message) {
        return opdName(complaint)
                .flatMap(opd -> toResident(complaint, "FIRST_REPLY", ComplaintMessages.firstReply(complaint.trackingNumber(), opd, message)));
    }

    Mono<Void> resolved(Complaint complaint, String note) {
        int days = (int) Math.max(1, clocks.autoCloseAfter().toDays());
        return opdName(complaint)
                .flatMap(opd -> toResident(complaint, "RESOLVED", ComplaintMessages.resolved(complaint.trackingNumber(), opd, note, days)));
    }

    Mono<Void> closed(Complaint complaint) {
        String text = complaint.autoClosed()
                ? ComplaintMessages.autoClosed(complaint.trackingNumber())
                : ComplaintMessages.closed(complaint.trackingNumber(), complaint.rating());
        return toResident(complaint, "CLOSED", text);
    }

    /** The OPD learns of a dispute through its queue and the live events; the resident already knows. */
    Mono<Void> reopened(Complaint complaint, String reason) {
        return Mono.empty();
    }

    Mono<Void> escalate(Complaint complaint, EventType breach) {
        Instant now = clock.instant();
        return Mono.zip(catalog.category(complaint.categoryCode()), kecamatan(complaint), opdName(complaint))
                .flatMap(t -> escalate(complaint, breach, t.getT1(), t.getT2().name(), t.getT3(), now));
    }

    private Mono<Void> escalate(Complaint c, EventType breach, Category category, String kecamatan, String opd, Instant now) {
        boolean reply = breach == EventType.REPLY_OVERDUE;
        String toHead = reply
                ? ComplaintMessages.replyOverdueToOpdHead(c.trackingNumber(), category.nameId(), kecamatan, c.replyDueAt(), now)
                : ComplaintMessages.fixOverdueToOpdHead(c.trackingNumber(), category.nameId(), kecamatan, c.fixDueAt(), now);
        String toCentre = reply
                ? ComplaintMessages.replyOverdueToCommandCentre(c.trackingNumber(), opd, category.nameId(), kecamatan, c.replyDueAt(), now)
                : ComplaintMessages.fixOverdueToCommandCentre(c.trackingNumber(), opd, category.nameId(), kecamatan, c.fixDueAt(), now);
        Flux<Void> heads = staff.opdHeadPhones(c.opdCode())
                .flatMapMany(Flux::fromIterable)
                .concatMap(phone -> outbox.enqueue(phone, toHead, breach.name(), c.id()));
        Flux<Void> centre = Flux.fromIterable(commandCentre.phones())
                .concatMap(phone -> outbox.enqueue(phone, toCentre, breach.name(), c.id()));
        return heads.thenMany(centre).then();
    }

    private Mono<Void> toResident(Complaint complaint, String kind, String text) {
        return residents.whatsAppNumber(complaint.residentId())
                .flatMap(phone -> outbox.enqueue(phone, text, kind, complaint.id()));
    }

    private Mono<String> opdName(Complaint complaint) {
        return catalog.opd(complaint.opdCode())
                .map(Opd::name)
                .defaultIfEmpty("OPD");
    }

    private Mono<Kecamatan> kecamatan(Complaint complaint) {
        return cityMap.kecamatan(complaint.kecamatanCode());
    }
}
