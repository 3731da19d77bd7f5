package id.go.cilegon.juare.event;

/**
 * An event delivered to one subscription, with the id that subscription started after: the {@code after} it was
 * given, or, without one, the newest event committed when it was set up. It gets every event after that id that it
 * may see, once each, in id order.
 */
public record SubscribedEvent(long subscribedAfter, StoredEvent event) {
}
