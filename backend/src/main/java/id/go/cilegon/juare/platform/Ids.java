package id.go.cilegon.juare.platform;

import java.util.UUID;

/**
 * Reading an ID argument (docs/adr/0030): a value that is not an id names nothing, so it answers exactly what a
 * well-formed id of nothing answers (a query null, a mutation its payload's not-found error), never a different
 * error of its own. Our ids are UUIDs; a malformed one becomes {@link #NONE}, which no row has.
 */
public final class Ids {

    /** The nil UUID: no row has it (ours are random, version 4). */
    public static final UUID NONE = new UUID(0L, 0L);

    private Ids() {
    }

    public static UUID parse(String id) {
        if (id == null) {
            return NONE;
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
