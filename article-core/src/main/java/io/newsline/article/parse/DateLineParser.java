package io.newsline.article.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in article metadata lines. Understands {@code May, 13 2025}, {@code May 13, 2025},
 * {@code 13 May 2025}, {@code Sept. 3, 2025}, {@code 2025-09-03}, ISO-8601 timestamps with or without
 * an offset, RFC 1123 ({@code Wed, 03 Sep 2025 10:00:00 GMT}), an optional clock time with {@code am/pm}
 * and a zone abbreviation from an explicit table ({@code ZONES}: {@code BST} is British Summer Time, UTC+1,
 * not java.time's Bangladesh; {@code IST} is India), weekday names (a wrong weekday is ignored),
 * and {@code Published:} / {@code Updated:} labels. A date without a zone is read as UTC; a date
 * without a time as UTC midnight. Purely numeric day/month dates ({@code 05/06/2025}) are ambiguous
 * and not recognised.
 */
public final class DateLineParser {
    /** A date found in a metadata line, with whatever byline followed it. */
    public record DateLine(Instant instant, boolean updated, List<String> bylines) {
        public DateLine {
            bylines = List.copyOf(bylines);
        }
    }

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String ZONE =
            "(utc|gmt|z|[+-]\\d{2}:?\\d{2}|e[sd]t|et|c[sd]t|ct|m[sd]t|mt|p[sd]t|pt|ak[sd]t|hst|a[sd]t|nzst|nzdt|bst|ist"
                    + "|cest|cet|eest|eet|west|wet|msk|sast|cat|eat|wat|pkt|jst|kst|hkt|sgt|aest|aedt|acst|acdt|awst|brt|art)";
    private static final String TIME = "(?:\\s*(?:,|at|@|-|\u2013|\u2014|\\|)?\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
            + "\\s*([ap]\\.?m\\.?)?(?:\\s*" + ZONE + "\\b)?)?";

    private static final Pattern MDY = Pattern.compile(
            "\\b" + MONTH + "\\s*,?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b" + TIME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DMY = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\s*,?\\s*(\\d{4})\\b" + TIME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile(
            "\\b(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?)?(?![\\w-])",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern UPDATED_LABEL =
            Pattern.compile("\\b(?:updated|modified|edited)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELS = Pattern.compile(
            "\\b(?:first\\s+published|last\\s+updated|last\\s+modified|published|posted|updated|modified|date"
                    + "|on|at)\\b\\s*:?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAYS = Pattern.compile(
            "\\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\b\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKETS = Pattern.compile("[|\u00B7\u2022;()\\[\\]]");
    private static final Pattern DASH_SEPARATOR = Pattern.compile("\\s[\u2014\u2013-]\\s");
    private static final Pattern EDGE_PUNCT = Pattern.compile("^[\\s,:\u2014\u2013-]+|[\\s,:\u2014\u2013-]+$");

    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("utc", ZoneOffset.UTC),
            Map.entry("gmt", ZoneOffset.UTC),
            Map.entry("z", ZoneOffset.UTC),
            Map.entry("et", ZoneId.of("America/New_York")),
            Map.entry("est", ZoneOffset.ofHours(-5)),
            Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("ct", ZoneId.of("America/Chicago")),
            Map.entry("cst", ZoneOffset.ofHours(-6)),
            Map.entry("cdt", ZoneOffset.ofHours(-5)),
            Map.entry("mt", ZoneId.of("America/Denver")),
            Map.entry("mst", ZoneOffset.ofHours(-7)),
            Map.entry("mdt", ZoneOffset.ofHours(-6)),
            Map.entry("pt", ZoneId.of("America/Los_Angeles")),
            Map.entry("pst", ZoneOffset.ofHours(-8)),
            Map.entry("pdt", ZoneOffset.ofHours(-7)),
            Map.entry("bst", ZoneOffset.ofHours(1)),
            Map.entry("cet", ZoneOffset.ofHours(1)),
            Map.entry("cest", ZoneOffset.ofHours(2)),
            Map.entry("eet", ZoneOffset.ofHours(2)),
            Map.entry("eest", ZoneOffset.ofHours(3)),
            Map.entry("wet", ZoneOffset.UTC),
            Map.entry("west", ZoneOffset.ofHours(1)),
            Map.entry("ist", ZoneOffset.ofHoursMinutes(5, 30)), // India; the Irish and Israeli IST are rarer in print
            Map.entry("akst", ZoneOffset.ofHours(-9)),
            Map.entry("akdt", ZoneOffset.ofHours(-8)),
            Map.entry("hst", ZoneOffset.ofHours(-10)),
            Map.entry("ast", ZoneOffset.ofHours(-4)), // Atlantic
            Map.entry("adt", ZoneOffset.ofHours(-3)),
            Map.entry("brt", ZoneOffset.ofHours(-3)),
            Map.entry("art", ZoneOffset.ofHours(-3)),
            Map.entry("msk", ZoneOffset.ofHours(3)),
            Map.entry("sast", ZoneOffset.ofHours(2)),
            Map.entry("cat", ZoneOffset.ofHours(2)),
            Map.entry("eat", ZoneOffset.ofHours(3)),
            Map.entry("wat", ZoneOffset.ofHours(1)),
            Map.entry("pkt", ZoneOffset.ofHours(5)),
            Map.entry("jst", ZoneOffset.ofHours(9)),
            Map.entry("kst", ZoneOffset.ofHours(9)),
            Map.entry("hkt", ZoneOffset.ofHours(8)),
            Map.entry("sgt", ZoneOffset.ofHours(8)),
            Map.entry("awst", ZoneOffset.ofHours(8)),
            Map.entry("acst", ZoneOffset.ofHoursMinutes(9, 30)),
            Map.entry("acdt", ZoneOffset.ofHoursMinutes(10, 30)),
            Map.entry("aest", ZoneOffset.ofHours(10)),
            Map.entry("aedt", ZoneOffset.ofHours(11)),
            Map.entry("nzst", ZoneOffset.ofHours(12)),
            Map.entry("nzdt", ZoneOffset.ofHours(13)));

    private static final int MAX_LINE_LENGTH = 200;

    /**
     * A wire-service dateline opening the first paragraph: {@code LONDON, Sept. 3 (Reuters) -}, {@code
     * WASHINGTON, May 13, 2025 (AP) --}. Groups: month, day, optional year, agency.
     */
    private static final Pattern WIRE_DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}(?:,\\s*\\p{Lu}[\\p{L}. ]{1,30})?,\\s+" + MONTH
                    + "\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*\\(([\\p{L} .&-]{2,30})\\)\\s*(?:-{1,2}|–|—)\\s",
            Pattern.CASE_INSENSITIVE);

    private DateLineParser() {}

    /** The first valid date anywhere in the text. */
    public static Optional<Instant> firstDate(String text) {
        List<Found> all = findAll(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).instant);
    }

    /**
     * Reads a metadata line: one or more dates with optional labels ({@code Published:}, {@code
     * Updated:}), weekdays and times, optionally followed or preceded by a byline. Returns empty when
     * the line has no date or has other text besides (a sentence that mentions a date is not a date
     * line). When the line carries both a published and an updated date, the published one is taken.
     */
    public static Optional<DateLine> parseLine(String line) {
        String t = Texts.collapse(line);
        if (t.isEmpty() || t.length() > MAX_LINE_LENGTH) {
            return Optional.empty();
        }
        List<Found> found = findAll(t);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found chosen = null;
        StringBuilder rest = new StringBuilder();
        int pos = 0;
        for (Found f : found) {
            String before = t.substring(pos, f.start);
            boolean updated = UPDATED_LABEL.matcher(before).find();
            if (chosen == null || (chosen.updated && !updated)) {
                chosen = new Found(f.instant, f.start, f.end, updated);
            }
            rest.append(before).append(' ');
            pos = f.end;
        }
        rest.append(t.substring(pos));
        String remainder = LABELS.matcher(rest).replaceAll(" ");
        remainder = WEEKDAYS.matcher(remainder).replaceAll(" ");
        remainder = BRACKETS.matcher(remainder).replaceAll(" ");
        remainder = DASH_SEPARATOR.matcher(remainder).replaceAll(" ");
        remainder = EDGE_PUNCT.matcher(Texts.collapse(remainder)).replaceAll("");
        if (remainder.isEmpty()) {
            return Optional.of(new DateLine(chosen.instant, chosen.updated, List.of()));
        }
        String nameText = remainder;
        Optional<List<String>> names = BylineParser.parseByline(nameText).or(() -> BylineParser.parseNames(nameText));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DateLine(chosen.instant, chosen.updated, names.get()));
    }

    /** A wire dateline: the date (UTC midnight) and the agency in brackets. */
    public record Dateline(Instant instant, String agency) {}

    /**
     * Reads a wire dateline at the start of a paragraph ({@code LONDON, Sept. 3 (Reuters) - ...}). A
     * dateline without a year gets the latest year that does not put it after {@code now}.
     */
    public static Optional<Dateline> wireDateline(String paragraph, Instant now) {
        if (paragraph.length() < 12 || !Character.isUpperCase(paragraph.charAt(0))) {
            return Optional.empty();
        }
        Matcher m = WIRE_DATELINE.matcher(paragraph);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            int month = monthNumber(m.group(1));
            int day = Integer.parseInt(m.group(2));
            LocalDate date;
            if (m.group(3) != null) {
                date = LocalDate.of(Integer.parseInt(m.group(3)), month, day);
            } else {
                LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
                date = LocalDate.of(today.getYear(), month, day);
                if (date.isAfter(today)) {
                    date = date.minusYears(1);
                }
            }
            Instant instant = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            return instant.isAfter(now)
                    ? Optional.empty()
                    : Optional.of(new Dateline(instant, m.group(4).strip()));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Found(Instant instant, int start, int end, boolean updated) {}

    private static List<Found> findAll(String text) {
        List<Found> found = new ArrayList<>(2);
        collect(ISO.matcher(text), Kind.ISO, found);
        collect(MDY.matcher(text), Kind.MDY, found);
        collect(DMY.matcher(text), Kind.DMY, found);
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        // Drop overlaps (keep the earlier, then longer match).
        List<Found> result = new ArrayList<>(found.size());
        int end = -1;
        for (Found f : found) {
            if (f.start >= end) {
                result.add(f);
                end = f.end;
            }
        }
        return result;
    }

    private enum Kind {
        ISO,
        MDY,
        DMY
    }

    private static void collect(Matcher m, Kind kind, List<Found> out) {
        while (m.find()) {
            Instant instant = toInstant(m, kind);
            if (instant != null) {
                out.add(new Found(instant, m.start(), m.end(), false));
            }
        }
    }

    private static Instant toInstant(Matcher m, Kind kind) {
        try {
            switch (kind) {
                case ISO: {
                    LocalDate date = LocalDate.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                    LocalTime time = LocalTime.MIDNIGHT;
                    if (m.group(5) != null) {
                        int sec = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
                        time = LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), sec);
                    }
                    return atZone(date, time, m.group(8));
                }
                case MDY:
                    return fromParts(m.group(1), m.group(2), m.group(3), m, 4);
                case DMY:
                    return fromParts(m.group(2), m.group(1), m.group(3), m, 4);
                default:
                    throw new IllegalStateException();
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant fromParts(String month, String day, String year, Matcher m, int timeGroup) {
        int y = Integer.parseInt(year);
        if (y < 1900 || y > 2200) {
            return null;
        }
        LocalDate date = LocalDate.of(y, monthNumber(month), Integer.parseInt(day));
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(timeGroup) != null) {
            int hour = Integer.parseInt(m.group(timeGroup));
            int minute = Integer.parseInt(m.group(timeGroup + 1));
            int second = m.group(timeGroup + 2) == null ? 0 : Integer.parseInt(m.group(timeGroup + 2));
            String ampm = m.group(timeGroup + 3);
            if (ampm != null) {
                if (hour < 1 || hour > 12) {
                    return null;
                }
                boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                hour = (hour % 12) + (pm ? 12 : 0);
            }
            time = LocalTime.of(hour, minute, second);
        }
        return atZone(date, time, m.group(timeGroup + 4));
    }

    private static Instant atZone(LocalDate date, LocalTime time, String zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone == null) {
            return local.toInstant(ZoneOffset.UTC);
        }
        String z = zone.toLowerCase(Locale.ROOT);
        ZoneId id = ZONES.get(z);
        if (id == null) {
            if (z.length() == 5) { // +0300
                z = z.substring(0, 3) + ":" + z.substring(3);
            }
            id = ZoneOffset.of(z);
        }
        return local.atZone(id).toInstant();
    }

    private static int monthNumber(String name) {
        switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan":
                return 1;
            case "feb":
                return 2;
            case "mar":
                return 3;
            case "apr":
                return 4;
            case "may":
                return 5;
            case "jun":
                return 6;
            case "jul":
                return 7;
            case "aug":
                return 8;
            case "sep":
                return 9;
            case "oct":
                return 10;
            case "nov":
                return 11;
            case "dec":
                return 12;
            default:
                throw new DateTimeException("unknown month " + name);
        }
    }
}
