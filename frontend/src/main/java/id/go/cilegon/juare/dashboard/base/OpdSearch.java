package id.go.cilegon.juare.dashboard.base;

import com.vaadin.flow.component.combobox.ComboBox;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How every OPD picker finds an OPD: by its code ("DPUPR", "KEC-GROGOL" also as "kec grogol"), by any part of its
 * name ("pekerjaan umum"), or by the initials of its name ("dlh": Dinas Lingkungan Hidup). Case, accents and spacing
 * do not matter. Give it to the ComboBox with its items: {@code opd.setItems(OpdSearch.filter(Named::code,
 * Named::name), list)}.
 */
public final class OpdSearch {

    /** Not in an acronym: "Dinas Pekerjaan Umum dan Penataan Ruang" is DPUPR. */
    private static final Set<String> SMALL_WORDS = Set.of("dan", "and", "of", "kota");

    private OpdSearch() {
    }

    /** The ComboBox filter for items whose code and name these give. */
    public static <T> ComboBox.ItemFilter<T> filter(Function<T, String> code, Function<T, String> name) {
        return (item, typed) -> matches(code.apply(item), name.apply(item), typed);
    }

    /** Whether an OPD of this code and name is what someone typing {@code typed} looks for. */
    public static boolean matches(String code, String name, String typed) {
        String wanted = normal(typed);
        if (wanted.isEmpty()) {
            return true;
        }
        String squeezed = wanted.replace(" ", "");
        String codeText = normal(code);
        String nameText = normal(name);
        return nameText.contains(wanted)
                || codeText.contains(wanted)
                || codeText.replace(" ", "").contains(squeezed)
                || initials(nameText).startsWith(squeezed);
    }

    private static String initials(String name) {
        return Arrays.stream(name.split(" "))
                .filter(word -> !word.isEmpty() && !SMALL_WORDS.contains(word))
                .map(word -> word.substring(0, 1))
                .collect(Collectors.joining());
    }

    /** Lower case, no accents, punctuation and hyphens as spaces, one space between words. */
    private static String normal(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
