package id.go.cilegon.juare.graphql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What makes an OPD's reply (or resolution note) a real answer, in one place for the backend and the dashboard
 * (ADR 0007, ADR 0018, docs/ranking.md). Pure: no configuration, no I/O.
 * <ul>
 *   <li><b>Too short</b> (refused): fewer than the minimum letters or digits; spaces and punctuation do not count.</li>
 *   <li><b>Repetitive</b> (sent, but does not stop the reply clock): what is left once digits are dropped, each
 *       word is cut to its repeating unit ("okokok" → "ok") and repeated words are counted once ("sudah sudah sudah"
 *       → "sudah") has fewer letters than the same minimum.</li>
 *   <li>{@link #fingerprint} identifies a text up to case, spaces, punctuation and digits (tracking numbers, dates),
 *       so that the backend can tell the OPD's boilerplate sent to other complaints.</li>
 * </ul>
 */
public final class ReplyRule {

    /** Letters or digits a reply needs by default ({@code juare.lifecycle.min-reply-characters}). */
    public static final int DEFAULT_MIN_CHARACTERS = 15;

    private ReplyRule() {
    }

    /** Letters and digits in a text: what is left of a token answer once spaces and punctuation are gone. */
    public static int meaningfulCharacters(String text) {
        return text == null ? 0 : (int) text.codePoints().filter(Character::isLetterOrDigit).count();
    }

    /** Refused: fewer than {@code min} letters or digits. */
    public static boolean tooShort(String text, int min) {
        return meaningfulCharacters(text) < min;
    }

    /** Lower-case words of letters only, one space apart: digits, punctuation and spacing gone. */
    public static String normalised(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int cp : text.toLowerCase(Locale.ROOT).codePoints().toArray()) {
            if (Character.isLetter(cp)) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /**
     * Letters that say something: those of each distinct word once, each word cut to its repeating unit when the
     * unit comes at least three times ("hahaha" → "ha", but "kakak" stays).
     */
    public static int distinctLetters(String text) {
        String normalised = normalised(text);
        if (normalised.isEmpty()) {
            return 0;
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : normalised.split(" ")) {
            words.add(unit(word));
        }
        return words.stream().mapToInt(w -> w.codePointCount(0, w.length())).sum();
    }

    /** Mostly one repeated token or a short repeated pattern: fewer than {@code min} {@link #distinctLetters}. */
    public static boolean repetitive(String text, int min) {
        return distinctLetters(text) < min;
    }

    /** SHA-256 (hex, first 128 bits) of the {@link #normalised} text: equal for texts a reader would call the same. */
    public static String fingerprint(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The shortest prefix the word repeats at least three times (a partial tail allowed), else the word. */
    static String unit(String word) {
        int[] cps = word.codePoints().toArray();
        for (int period = 1; period * 3 <= cps.length; period++) {
            boolean repeats = true;
            for (int i = period; i < cps.length && repeats; i++) {
                repeats = cps[i] == cps[i - period];
            }
            if (repeats) {
                return new String(cps, 0, period);
            }
        }
        return word;
    }
}
