package id.go.cilegon.juare.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The typed event payloads: one per event type, and they hold every key the SQL reads (no Spring). */
class EventPayloadTest {

    /** {@code payload ->> 'key'}, {@code payload->'key'}, {@code e.payload ->> 'key'} in SQL, in Java strings or migrations. */
    private static final Pattern READ_KEY = Pattern.compile("payload\\s*->>?\\s*'([A-Za-z_]+)'");

    @Test
    void oneRecordPerEventType() {
        Set<EventType> covered = EnumSet.noneOf(EventType.class);
        for (Class<?> type : EventPayload.class.getPermittedSubclasses()) {
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
            EventType of = sample(type).type();
            assertThat(covered.add(of)).as("a second payload record for %s", of).isTrue();
        }
        assertThat(covered).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void everyKeyTheSqlReadsIsAComponentOfAPayload() throws IOException {
        Map<String, Set<String>> readBy = new TreeMap<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/db")))) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
                    .forEach(p -> {
                        Matcher m = READ_KEY.matcher(read(p));
                        while (m.find()) {
                            readBy.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(p.getFileName().toString());
                        }
                    });
        }
        Set<String> components = Arrays.stream(EventPayload.class.getPermittedSubclasses())
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        System.out.println("PAYLOAD keys read by SQL: " + readBy);
        // the keys we know the ranking, the report and the summary read; the scan must find them, or it is broken
        assertThat(readBy.keySet()).contains("replyDueAt", "fixDueAt", "misrouted", "rating", "template", "message");
        assertThat(components).as("payload components").containsAll(readBy.keySet());
    }

    @Test
    void theStoredFormLeavesOutNullsAndWritesInstantsAsText() {
        Instant due = Instant.parse("2026-12-06T01:02:03.123456Z");
        assertThat(new EventPayload.Dispatched("Diteruskan ke DPUPR", "DPUPR", null, due, due).toMap())
                .containsExactly(Map.entry("message", "Diteruskan ke DPUPR"), Map.entry("opdCode", "DPUPR"),
                        Map.entry("replyDueAt", "2026-12-06T01:02:03.123456Z"), Map.entry("fixDueAt", "2026-12-06T01:02:03.123456Z"));
        assertThat(new EventPayload.Replied("Sudah kami tinjau", true, false, "abc").toMap())
                .isEqualTo(Map.of("message", "Sudah kami tinjau", "first", true, "template", false, "fingerprint", "abc"));
        // an event from before template replies: no template key, judged as a real reply by real_reply()
        assertThat(new EventPayload.Replied("Sudah kami tinjau", false, null, null).toMap())
                .isEqualTo(Map.of("message", "Sudah kami tinjau", "first", false));
        assertThat(new EventPayload.Confirmed(null, 4).toMap()).isEqualTo(Map.of("rating", 4));
        assertThat(new EventPayload.Rerouted("Dialihkan ke DLH", "DPUPR", "DLH", true, false, null, due, due).toMap())
                .containsEntry("misrouted", true).containsEntry("excused", false).doesNotContainKey("note");
        assertThat(EventPayload.overdue(EventType.FIX_OVERDUE, due, "DLH").toMap())
                .isEqualTo(Map.of("dueAt", "2026-12-06T01:02:03.123456Z", "opdCode", "DLH"));
    }

    /** A record with every component at a default value, to ask its type. */
    private static EventPayload sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = types[i] == int.class ? 0 : types[i] == boolean.class ? false : null;
        }
        try {
            return (EventPayload) type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
