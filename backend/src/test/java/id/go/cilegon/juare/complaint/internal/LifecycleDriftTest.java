package id.go.cilegon.juare.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.Transition;
import id.go.cilegon.juare.graphql.Lifecycle;
import id.go.cilegon.juare.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a status list drifts from the one lifecycle definition (graphql's Lifecycle, docs/lifecycle.md): every
 * status list in the migrated database (index predicates, functions, views, the CHECK) is one of the named sets, the
 * clock job's and the queues' indexes have exactly the lists their queries use, and no Java source writes a status
 * list by hand.
 */
class LifecycleDriftTest extends IntegrationTest {

    private static final String STATUS_NAME = Stream.of(Lifecycle.Status.values()).map(Enum::name).collect(Collectors.joining("|"));
    /** PostgreSQL's rendering of {@code status IN (…)}, {@code NOT IN (…)} and {@code = '…'} in catalog definitions. */
    private static final Pattern CATALOG_LIST = Pattern.compile(
            "status\\)?\\s*(?:=\\s*ANY|<>\\s*ALL)\\s*\\(\\(?ARRAY\\[([^\\]]*)\\]|status\\)?\\s*(?:=|<>)\\s*('(?:" + STATUS_NAME + ")'::text)");
    /** {@code status IN ('A', 'B')}, {@code status NOT IN (…)}, {@code status = 'A'} as written in SQL source. */
    private static final Pattern SOURCE_LIST = Pattern.compile(
            "(?i)status\\s+(?:NOT\\s+)?IN\\s*\\(([^)]*)\\)|status\\s*(?:=|<>|!=)\\s*('(?:" + STATUS_NAME + ")')");
    private static final Pattern COLLECTION = Pattern.compile("(?:Set|List|EnumSet|Arrays\\.asList|Stream)\\.?(?:of)?\\(([^)]*)\\)");
    private static final Pattern STRING = Pattern.compile("\"([A-Z_]+)\"");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    /** Lists in migrations whose object a later migration re-created with a list of the definition. */
    private static final Map<String, Set<String>> SUPERSEDED = Map.of(
            // complaint_reply_clock, re-created at an OPD by V12_20 (a template reply leaves IN_PROGRESS unanswered)
            "V3__staff_lifecycle.sql", Set.of("[DISPATCHED, REOPENED]"));

    @Test
    void everyIndexPredicateIsANamedSetAndMatchesItsQuery() {
        Map<String, String> indexes = new LinkedHashMap<>();
        db.sql("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'complaint'")
                .map(row -> Map.entry(row.get("indexname", String.class), row.get("indexdef", String.class)))
                .all().toStream().forEach(e -> indexes.put(e.getKey(), e.getValue()));
        Map<String, Set<Lifecycle.Status>> predicates = new LinkedHashMap<>();
        indexes.forEach((name, def) -> {
            List<Set<Lifecycle.Status>> lists = catalogLists(def);
            lists.forEach(list -> assertNamed(list, "index " + name + ": " + def));
            if (!lists.isEmpty()) {
                assertThat(lists).as("one status list in %s", def).hasSize(1);
                predicates.put(name, lists.getFirst());
            }
        });
        System.out.println("LIFECYCLE index predicates: " + predicates);
        // the queries that rely on them use the same lists (or PostgreSQL cannot use the partial index)
        assertThat(predicates.get("complaint_reply_clock")).isEqualTo(shared(Transition.MARK_REPLY_OVERDUE.from()));
        assertThat(ClockJob.REPLY_BREACHED).contains(ComplaintStatus.sqlList(Transition.MARK_REPLY_OVERDUE.from()));
        assertThat(predicates.get("complaint_fix_clock")).isEqualTo(shared(Transition.MARK_FIX_OVERDUE.from()));
        assertThat(ClockJob.FIX_BREACHED).contains(ComplaintStatus.sqlList(Transition.MARK_FIX_OVERDUE.from()));
        assertThat(predicates.get("complaint_resolved_waiting")).isEqualTo(shared(Transition.AUTO_CLOSE.from()));
        assertThat(predicates.get("complaint_opd_queue")).isEqualTo(Lifecycle.AT_OPD);
        // NOT IN the finished ones: the possible-duplicates query says the same
        assertThat(predicates.get("complaint_open_by_category")).isEqualTo(Lifecycle.FINISHED);
        assertThat(indexes.get("complaint_open_by_category")).contains("<> ALL");
    }

    @Test
    void everyFunctionViewAndCheckInTheDatabaseUsesANamedSet() {
        List<String[]> definitions = new ArrayList<>();
        db.sql("""
                        SELECT 'function ' || p.proname AS name, pg_get_functiondef(p.oid) AS def
                        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
                        UNION ALL
                        SELECT 'view ' || viewname, definition FROM pg_views WHERE schemaname = 'public'
                        UNION ALL
                        SELECT 'constraint ' || conname, pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = 'complaint'::regclass AND contype = 'c'""")
                .map(row -> new String[] {row.get("name", String.class), row.get("def", String.class)})
                .all().toStream().forEach(definitions::add);
        int lists = 0;
        for (String[] d : definitions) {
            for (Set<Lifecycle.Status> list : catalogLists(d[1])) {
                assertNamed(list, d[0]);
                lists++;
            }
            for (Set<Lifecycle.Status> list : sourceLists(d[1])) {
                assertNamed(list, d[0]);
                lists++;
            }
        }
        String check = definitions.stream().filter(d -> d[0].startsWith("constraint") && d[1].contains("status"))
                .map(d -> d[1]).findFirst().orElseThrow();
        assertThat(catalogLists(check)).containsExactly(Lifecycle.ALL);
        System.out.println("LIFECYCLE database objects checked: " + definitions.size() + ", status lists: " + lists);
    }

    @Test
    void migrationsWriteOnlyNamedSets() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.sorted().toList()) {
                for (Set<Lifecycle.Status> list : sourceLists(read(file))) {
                    String name = file.getFileName().toString();
                    if (!SUPERSEDED.getOrDefault(name, Set.of()).contains(list.toString())) {
                        assertNamed(list, name);
                    }
                    checked++;
                }
            }
        }
        System.out.println("LIFECYCLE migration status lists: " + checked);
        assertThat(checked).isPositive();
    }

    /** Java never spells a status list: it asks the definition (Lifecycle.sqlList / names / the sets). */
    @Test
    void noJavaSourceWritesAStatusListByHand() throws IOException {
        List<Pattern> handWritten = List.of(
                // SQL in a Java string: status IN ('A' …), status = 'A', ARRAY['A', …]
                Pattern.compile("(?i)status\\s+(?:NOT\\s+)?IN\\s*\\(\\s*'(?:" + STATUS_NAME + ")'"),
                Pattern.compile("(?i)status\\s*(?:=|<>|!=)\\s*'(?:" + STATUS_NAME + ")'"),
                Pattern.compile("ARRAY\\[\\s*'(?:" + STATUS_NAME + ")'"),
                // Java collections of two or more status names or constants
                Pattern.compile("ComplaintStatus\\.(?:" + STATUS_NAME + ")\\s*,\\s*ComplaintStatus\\.(?:" + STATUS_NAME + ")"),
                Pattern.compile("==\\s*ComplaintStatus\\.\\w+\\s*(?:\\|\\||&&)"));
        Set<String> definitions = Set.of("Lifecycle.java", "ComplaintStatus.java");
        List<String> found = new ArrayList<>();
        int files = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../frontend/src/main/java"), Path.of("../graphql/src/main/java"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    if (definitions.contains(file.getFileName().toString())) {
                        continue;
                    }
                    String text = read(file);
                    // Set.of("A", "B"), List.of(…): two or more strings, all of them status names (not event types)
                    Matcher of = COLLECTION.matcher(text);
                    while (of.find()) {
                        List<String> items = new ArrayList<>();
                        Matcher q = STRING.matcher(of.group(1));
                        while (q.find()) {
                            items.add(q.group(1));
                        }
                        if (items.size() >= 2 && items.stream().allMatch(i -> Lifecycle.categoryOf(i) != null)) {
                            found.add(file.getFileName() + ": " + of.group());
                        }
                    }
                    for (Pattern p : handWritten) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            found.add(file.getFileName() + ": " + m.group());
                        }
                    }
                }
            }
        }
        System.out.println("LIFECYCLE Java sources scanned: " + files + ", hand-written status lists: " + found.size());
        assertThat(found).as("hand-written status lists (use id.go.cilegon.juare.graphql.Lifecycle)").isEmpty();
        assertThat(files).isGreaterThan(100);
    }

    private static void assertNamed(Set<Lifecycle.Status> list, String where) {
        assertThat(Lifecycle.NAMED_SETS.containsValue(list))
                .as("%s: status list %s is none of the lifecycle's named sets %s", where, list, Lifecycle.NAMED_SETS)
                .isTrue();
    }

    private static List<Set<Lifecycle.Status>> catalogLists(String definition) {
        List<Set<Lifecycle.Status>> lists = new ArrayList<>();
        Matcher m = CATALOG_LIST.matcher(definition);
        while (m.find()) {
            Set<Lifecycle.Status> list = statuses(m.group(1) != null ? m.group(1) : m.group(2));
            if (!list.isEmpty()) {
                lists.add(list);
            }
        }
        return lists;
    }

    private static List<Set<Lifecycle.Status>> sourceLists(String text) {
        List<Set<Lifecycle.Status>> lists = new ArrayList<>();
        Matcher m = SOURCE_LIST.matcher(text);
        while (m.find()) {
            Set<Lifecycle.Status> list = statuses(m.group(1) != null ? m.group(1) : m.group(2));
            if (!list.isEmpty()) {
                lists.add(list);
            }
        }
        return lists;
    }

    /** The statuses of a list; empty when it holds anything else (another table's status, an event type). */
    private static Set<Lifecycle.Status> statuses(String text) {
        Set<Lifecycle.Status> set = EnumSet.noneOf(Lifecycle.Status.class);
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            if (Lifecycle.categoryOf(m.group(1)) == null) {
                return EnumSet.noneOf(Lifecycle.Status.class);
            }
            set.add(Lifecycle.Status.valueOf(m.group(1)));
        }
        return set;
    }

    private static Set<Lifecycle.Status> shared(Set<ComplaintStatus> statuses) {
        Set<Lifecycle.Status> set = EnumSet.noneOf(Lifecycle.Status.class);
        statuses.forEach(s -> set.add(s.lifecycle()));
        return set;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
