package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.EventType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Queues the WhatsApp messages a transition causes, in its transaction. */
@Component
class ComplaintNotifier {

    Mono<Void> dispatched(Complaint complaint, Opd opd) {
        return Mono.empty();
    }

    Mono<Void> rejected(Complaint complaint, String reason, String note) {
        return Mono.empty();
    }

    Mono<Void> firstReply(Complaint complaint, String message) {
        return Mono.empty();
    }

    Mono<Void> resolved(Complaint complaint, String note) {
        return Mono.empty();
    }

    Mono<Void> closed(Complaint complaint) {
        return Mono.empty();
    }

    Mono<Void> reopened(Complaint complaint, String reason) {
        return Mono.empty();
    }

    Mono<Void> escalate(Complaint complaint, EventType breach) {
        return Mono.empty();
    }
}
