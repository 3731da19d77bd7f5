package id.go.cilegon.juare.dashboard.live;

/** Whether the dashboard server's one subscription to the backend's live events is up. */
public enum LiveState {
    /** No service account configured ({@code juare.backend.live.password}): screens load on navigation only. */
    DISABLED,
    /** Not connected (yet, or lost): reconnecting with backoff. */
    OFFLINE,
    /** Subscribed: events arrive as they happen. */
    LIVE
}
