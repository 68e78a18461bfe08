package org.guidesearch.graph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds "long form (SF)" pairs with the Schwartz–Hearst algorithm (PSB 2003): the short form is 2–10 characters with
 * a capital letter, and the long form is the shortest run of preceding words in which every character of the short
 * form occurs in order, from right to left, with its first character starting a word. The long form has at most
 * min(|SF| + 5, 2·|SF|) words. The reverse order the paper also names, "SF (long form)", is read when the short form
 * is one word shorter than the phrase, shares none of its words, and begins with the phrase's first initial and holds
 * all its initials in order ("ptbl (price table)"): a contraction, whatever its case. Thread-safe.
 */
final class AbbreviationFinder {
    private static final Pattern PAREN = Pattern.compile("\\(([^()]{2,10})\\)");
    private static final Pattern SHORT_THEN_LONG = Pattern.compile(
            "(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9]{1,15})[*_`]*\\s*\\(([A-Za-z]+(?:[ -][A-Za-z]+){1,5})\\)");

    List<Abbreviation> find(String sentence) {
        List<Abbreviation> out = new ArrayList<>();
        Matcher m = PAREN.matcher(sentence);
        while (m.find()) {
            String shortForm = m.group(1).strip();
            if (!isShortForm(shortForm)) continue;
            String before = sentence.substring(0, m.start()).strip();
            String[] words = before.split("\\s+");
            int maxWords = Math.min(shortForm.length() + 5, shortForm.length() * 2);
            int from = Math.max(0, words.length - maxWords);
            String window = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
            String longForm = initials(shortForm, words);
            if (longForm == null) longForm = bestLongForm(shortForm, window);
            if (longForm != null) out.add(new Abbreviation(shortForm, longForm));
        }
        Matcher r = SHORT_THEN_LONG.matcher(sentence);
        while (r.find()) {
            if (isContraction(r.group(1), r.group(2))) out.add(new Abbreviation(r.group(1), r.group(2)));
        }
        return out;
    }

    /** Whether {@code shortForm} contracts the phrase {@code longForm}: see the class comment. */
    static boolean isContraction(String shortForm, String longForm) {
        String s = shortForm.toLowerCase(Locale.ROOT);
        String[] words = longForm.toLowerCase(Locale.ROOT).split("[ -]+");
        if (words.length < 2 || s.length() >= longForm.length() || Stopwords.isStopword(s)) return false;
        int at = 0;
        for (String w : words) {
            if (w.equals(s) || Stopwords.isStopword(w)) return false;
            int found = s.indexOf(w.charAt(0), at);
            if (found < 0 || (at == 0 && found != 0)) return false;
            at = found + 1;
        }
        return true;
    }

    static boolean isShortForm(String s) {
        if (s.contains(" ") || !Character.isLetterOrDigit(s.charAt(0))) return false;
        return s.chars().anyMatch(Character::isUpperCase)
                && s.chars().filter(Character::isLetter).count() >= 2;
    }

    /**
     * The words just before the parenthesis whose initials spell the short form ("Cambium Contact Zone (CCZ)"): the
     * reading Schwartz–Hearst's letter matching can miss when a later word repeats a letter ("Contact" has two c's).
     */
    static String initials(String shortForm, String[] words) {
        String letters = shortForm.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        int n = letters.length();
        if (n < 2 || words.length < n) return null;
        StringBuilder spelled = new StringBuilder();
        for (int i = words.length - n; i < words.length; i++) {
            if (words[i].isEmpty() || !Character.isLetter(words[i].charAt(0))) return null;
            spelled.append(Character.toLowerCase(words[i].charAt(0)));
        }
        if (!spelled.toString().equals(letters)) return null;
        return String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length))
                .replaceAll("[,;:]+$", "");
    }

    /** Schwartz & Hearst's findBestLongForm, followed by trimming to whole words of a term. */
    static String bestLongForm(String shortForm, String window) {
        String sf = shortForm.toLowerCase(Locale.ROOT);
        String lf = window.toLowerCase(Locale.ROOT);
        int s = sf.length() - 1;
        int l = lf.length() - 1;
        for (; s >= 0; s--) {
            char c = sf.charAt(s);
            if (!Character.isLetterOrDigit(c)) continue;
            while ((l >= 0 && lf.charAt(l) != c) || (s == 0 && l > 0 && Character.isLetterOrDigit(lf.charAt(l - 1)))) {
                l--;
            }
            if (l < 0) return null;
            l--;
        }
        int start = l + 1;
        while (start > 0 && Character.isLetterOrDigit(window.charAt(start - 1))) start--;
        String longForm = window.substring(start).replaceAll("[\\s,;:]+$", "").strip();
        if (longForm.length() <= shortForm.length() || longForm.split("\\s+").length < 2 && !longForm.contains("-")) {
            return null;
        }
        // A long form is a term, not a clause or code: words only, and no function word at either end.
        if (!longForm.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} .'’/-]*")) return null;
        // A long form is a term, not a clause: it does not start or end with a function word.
        String[] words = longForm.split("\\s+");
        if (Stopwords.isStopword(words[0]) || Stopwords.isStopword(words[words.length - 1])) return null;
        return longForm;
    }
}
