package id.go.cilegon.juare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.graphql.Lifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/lifecycle.md's tables are the code's: the statuses with their categories, the named sets, and the transition
 * table, rendered here and compared with the blocks between the doc's markers. When this fails, paste the printed
 * block into the doc (or fix the code).
 */
class LifecycleDocTest {

    private static final Path DOC = Path.of("../docs/lifecycle.md");

    @Test
    void theDocShowsTheStatusesAndTheirCategories() throws IOException {
        StringBuilder table = new StringBuilder("| status | category | open | at an OPD |\n|---|---|---|---|\n");
        for (Lifecycle.Status s : Lifecycle.Status.values()) {
            table.append("| ").append(s).append(" | ").append(s.category()).append(" | ").append(yes(s.isOpen()))
                    .append(" | ").append(yes(s.isAtOpd())).append(" |\n");
        }
        assertBlock("statuses", table.toString());
    }

    @Test
    void theDocShowsTheNamedSets() throws IOException {
        StringBuilder table = new StringBuilder("| set | statuses |\n|---|---|\n");
        for (Map.Entry<String, Set<Lifecycle.Status>> e : Lifecycle.NAMED_SETS.entrySet()) {
            table.append("| `").append(e.getKey()).append("` | ").append(names(e.getValue())).append(" |\n");
        }
        assertBlock("sets", table.toString());
    }

    @Test
    void theDocShowsTheTransitionTable() throws IOException {
        StringBuilder table = new StringBuilder("| action | from | to | who | clocks | event |\n|---|---|---|---|---|---|\n");
        for (Transition t : Transition.values()) {
            table.append("| ").append(t)
                    .append(" | ").append(t.from().size() == ComplaintStatus.values().length ? "any" : names(t.from()))
                    .append(" | ").append(t.to().map(Enum::name).orElse("(unchanged)"))
                    .append(" | ").append(t.actors().stream().map(Enum::name).collect(Collectors.joining(", ")))
                    .append(" | ").append(t.clocks())
                    .append(" | ").append(t.event())
                    .append(" |\n");
        }
        assertBlock("transitions", table.toString());
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private static String names(Set<? extends Enum<?>> statuses) {
        return statuses.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static void assertBlock(String name, String expected) throws IOException {
        String doc = Files.readString(DOC);
        String start = "<!-- " + name + ":start (LifecycleDocTest) -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        String actual = from < 0 || to < from ? "(no block " + name + ")" : doc.substring(from + start.length(), to);
        if (!actual.equals(expected)) {
            System.out.println(start + expected + end);
        }
        assertThat(actual).as("docs/lifecycle.md block %s", name).isEqualTo(expected);
        assertThat(Arrays.asList(doc.split("\n"))).as("docs/lifecycle.md points inside the repository")
                .noneMatch(line -> line.contains("](http") && line.toLowerCase().contains("lifecycle"));
    }
}
