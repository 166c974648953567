package io.newsline.article.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads author names out of byline text: {@code By Ethan Brown Pheels}, {@code By A and B}, {@code
 * By A, B & C}, {@code By A, Reuters}, {@code By A, Senior Correspondent}, {@code Written by A}, or a
 * bare name list such as the {@code Benjamin Calderwood} that follows a date. Strict on purpose: a
 * sentence that merely starts with "By" ({@code By Monday, talks had resumed.}) is not a byline.
 */
public final class BylineParser {
    private static final Pattern BY_PREFIX = Pattern.compile(
            "^(?:(?:written|reporting|words|story|text|report|compiled)\\s+)?by\\s*:?\\s+(.+)$|^(?:authors?|byline)\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_SEPARATOR =
            Pattern.compile("\\s*(?:,|;|\\||&|/|\\band\\b|\\bwith\\b)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IN_PLACE_SUFFIX = Pattern.compile("\\s+in\\s+\\p{Lu}[\\p{L}\\p{M}.'\u2019 -]*$");
    private static final Pattern FOR_OUTLET_SUFFIX = Pattern.compile("\\s+for\\s+.*$");
    private static final Pattern NAME_TOKEN = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*");
    private static final Pattern ROLE_WORD = Pattern.compile(
            "\\b(?:correspondent|editor|reporter|writer|staff|contributor|columnist|journalist|producer|analyst|desk|bureau|team)s?\\b",
            Pattern.CASE_INSENSITIVE);

    /** Credits that are not authorship: {@code ; Editing by Susan Fenwick}, {@code . Graphics by ...}. */
    private static final Pattern NON_AUTHOR_CREDITS = Pattern.compile(
            "\\s*[;.|]?\\s*\\b(?:editing|edited|graphics|photos?|photography|fact[- ]checking|production|illustrations?"
                    + "|video)\\s+by\\b.*$",
            Pattern.CASE_INSENSITIVE);
    /** Further author credits: {@code ; Additional reporting by ...}, {@code ; Writing by ...}. */
    private static final Pattern MORE_AUTHOR_CREDITS = Pattern.compile(
            "\\s*[;.]\\s*(?:additional\\s+reporting|writing|reporting)\\s+by\\s+", Pattern.CASE_INSENSITIVE);

    private static final int MAX_LENGTH = 160;
    private static final int MAX_NAME_TOKENS = 5;

    private static final Set<String> PARTICLES = Set.of(
            "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "dos", "das",
            "del", "della", "ter", "af", "y");

    private static final Set<String> AGENCIES = Set.of(
            "reuters",
            "ap",
            "associated press",
            "the associated press",
            "afp",
            "agence france-presse",
            "agence france presse",
            "bloomberg",
            "dpa",
            "xinhua",
            "pa",
            "pa media",
            "efe",
            "anadolu",
            "upi",
            "bbc",
            "bbc news",
            "cnn",
            "ani",
            "pti",
            "kyodo",
            "yonhap",
            "tass",
            "ansa");

    /** Capitalised words that are not parts of a person's name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "the",
            "this",
            "that",
            "these",
            "a",
            "an",
            "it",
            "he",
            "she",
            "they",
            "we",
            "i",
            "in",
            "on",
            "at",
            "of",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "updated",
            "published",
            "posted",
            "share",
            "photo",
            "photos",
            "image",
            "images",
            "getty",
            "video",
            "news",
            "read",
            "more",
            "related",
            "recent",
            "latest",
            "subscribe",
            "comments",
            "comment");

    private BylineParser() {}

    /**
     * Parses a byline line that starts with {@code By}, {@code Written by}, {@code Author:} and the
     * like. Returns the names, or empty when the line is not a byline.
     */
    public static Optional<List<String>> parseByline(String line) {
        if (line.length() > 2 * MAX_LENGTH) {
            return Optional.empty();
        }
        String t = Texts.collapse(line);
        if (t.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = BY_PREFIX.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        String names = m.group(1) != null ? m.group(1) : m.group(2);
        names = NON_AUTHOR_CREDITS.matcher(names).replaceFirst("");
        names = MORE_AUTHOR_CREDITS.matcher(names).replaceAll(", ");
        return parseNames(names);
    }

    /**
     * Parses a bare list of names ({@code Benjamin Calderwood}, {@code Ann Lee and Tom Hart}, {@code
     * Ann Lee, Reuters}). Persons need at least two capitalised words; agencies are returned only
     * when no person is named; role words ({@code Senior Correspondent}) are dropped.
     */
    public static Optional<List<String>> parseNames(String text) {
        String t = Texts.collapse(text);
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (t.endsWith(".") && !t.endsWith("Jr.") && !t.endsWith("Sr.")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        t = IN_PLACE_SUFFIX.matcher(t).replaceFirst("");
        t = FOR_OUTLET_SUFFIX.matcher(t).replaceFirst("");
        List<String> persons = new ArrayList<>();
        List<String> agencies = new ArrayList<>();
        for (String raw : PART_SEPARATOR.split(t)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            if (AGENCIES.contains(part.toLowerCase(Locale.ROOT))) {
                agencies.add(part);
            } else if (ROLE_WORD.matcher(part).find()) {
                continue;
            } else if (isPersonName(part)) {
                if (!persons.contains(part)) {
                    persons.add(part);
                }
            } else {
                return Optional.empty();
            }
        }
        if (!persons.isEmpty()) {
            return Optional.of(List.copyOf(persons));
        }
        return agencies.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(agencies));
    }

    /** Two to five capitalised words (name particles such as {@code van} or {@code bin} allowed inside). */
    static boolean isPersonName(String part) {
        String[] tokens = part.split(" ");
        if (tokens.length < 2 || tokens.length > MAX_NAME_TOKENS) {
            return false;
        }
        for (int i = 0; i < tokens.length; i++) {
            String tok = tokens[i];
            String lower = tok.toLowerCase(Locale.ROOT);
            boolean inner = i > 0 && i < tokens.length - 1;
            if (inner && PARTICLES.contains(tok)) {
                continue;
            }
            if (!NAME_TOKEN.matcher(tok).matches() || NOT_NAMES.contains(lower)) {
                return false;
            }
        }
        return true;
    }
}
