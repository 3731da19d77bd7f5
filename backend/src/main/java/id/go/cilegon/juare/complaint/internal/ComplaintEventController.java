package id.go.cilegon.juare.complaint.internal;

import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventStream;
import id.go.cilegon.juare.event.StoredEvent;
import id.go.cilegon.juare.platform.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** ComplaintEvent: the live events a caller may see, resumable with the last id seen. */
@Controller
class ComplaintEventController {

    private final EventStream stream;
    private final EventLog eventLog;
    private final ComplaintRepository complaints;

    ComplaintEventController(EventStream stream, EventLog eventLog, ComplaintRepository complaints) {
        this.stream = stream;
        this.eventLog = eventLog;
        this.complaints = complaints;
    }

    @SubscriptionMapping
    Flux<ComplaintEventView> myComplaintEvents(@Argument String after) {
        Long afterId = parseAfter(after);
        return CurrentCaller.residentId()
                .flatMapMany(residentId -> stream.resumable(afterId,
                        event -> event.visibleToResident() && residentId.equals(event.residentId()),
                        from -> eventLog.residentEventsAfter(residentId, from)))
                .map(ComplaintEventView::of);
    }

    private static Long parseAfter(String after) {
        if (after == null) {
            return null;
        }
        try {
            long id = Long.parseLong(after);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.invalidInput("after harus id peristiwa / after must be an event id");
        }
    }

    @SchemaMapping(typeName = "ComplaintEvent", field = "complaint")
    Mono<Complaint> complaint(ComplaintEventView event) {
        return complaints.findById(event.complaintId());
    }

    /** GraphQL ComplaintEvent. */
    record ComplaintEventView(String id, String type, String status, Instant at, String actor, String message, UUID complaintId) {

        static ComplaintEventView of(StoredEvent e) {
            return new ComplaintEventView(Long.toString(e.id()), e.type().name(), e.status(), e.occurredAt(),
                    e.actorType().name(), e.message(), e.complaintId());
        }
    }
}
