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
 * an offset, RFC 1123 ({@code Wed, 03 Sep 2025 10:00:00 GMT}), all-numeric dates ({@code 03/09/2025},
 * {@code 13.11.2019}, {@code 11/13/19}; day and month ordered by {@link DayMonthOrder}), and a clock time
 * as newspapers print it, before or after the date: 24-hour with {@code :}, {@code .} or {@code h}
 * ({@code 14:05}, {@code 14.05}, {@code 14h05}), 12-hour with {@code am/pm} in any spelling
 * ({@code 2:05 p.m.}, {@code 2pm}), joined by {@code ,}, {@code at}, {@code |}, a dash or nothing, with an
 * optional zone: an abbreviation from an explicit table ({@code ZONES}: {@code BST} is British Summer Time,
 * UTC+1, not java.time's Bangladesh; {@code IST} is India), an offset ({@code +01:00}) or {@code GMT+1}.
 * Weekday names are allowed (a wrong weekday is ignored), and {@code Published:} / {@code Updated:} labels.
 * A date without a zone is read as UTC; a date without a time as UTC midnight. Every date also keeps the
 * calendar date as printed ({@link Stamp#localDate()}): the publisher's local date.
 */
public final class DateLineParser {
    /** A date found in a metadata line, with whatever byline followed it. */
    public record DateLine(Instant instant, boolean updated, List<String> bylines, LocalDate localDate) {
        public DateLine {
            bylines = List.copyOf(bylines);
        }

        public DateLine(Instant instant, boolean updated, List<String> bylines) {
            this(instant, updated, bylines, instant.atOffset(ZoneOffset.UTC).toLocalDate());
        }
    }

    /**
     * A date as read: the instant (a printed zone applied, UTC otherwise), the calendar date as printed
     * (the publisher's local date) and the printed offset, {@code null} when no zone was printed.
     */
    public record Stamp(Instant instant, LocalDate localDate, ZoneOffset offset) {}

    /** English month names and abbreviations, and the German ones that differ (Juli, März, Okt., Dez.). */
    private static final String MONTH =
            "(jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|m\u00e4r(?:z)?|apr(?:il)?|may|mai"
                    + "|jun[ei]?|jul[yi]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)\\.?";

    private static final String ZONE = "((?:utc|gmt)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?"
            + "|utc|gmt|z|[+-]\\d{2}:?\\d{2}|e[sd]t|et|c[sd]t|ct|m[sd]t|mt|p[sd]t|pt|ak[sd]t|hst|a[sd]t|nzst|nzdt|bst"
            + "|ist|cest|cet|eest|eet|west|wet|msk|sast|cat|eat|wat|pkt|jst|kst|hkt|sgt|aest|aedt|acst|acdt|awst|brt|art)";
    /** A clock time: minutes, or am/pm, or both. Groups: hour, minute, second, am/pm. */
    private static final String CLOCK = "(?=\\d{1,2}(?:[:.h]\\d{2}|\\s*[ap]\\.?\\s?m(?![a-z])))(\\d{1,2})"
            + "(?:[:.h](\\d{2})(?::(\\d{2}))?)?(?:\\s*([ap])\\.?\\s?m\\.?(?![a-z]))?";
    /** A time (and zone) right after a date. Groups: hour, minute, second, am/pm, zone. */
    private static final Pattern TIME_AFTER = Pattern.compile(
            "\\s*(?:,|at|@|-|\u2013|\u2014|\\||/|\u00B7)?\\s*" + CLOCK + "(?:\\s*\\(?" + ZONE + "\\b\\)?)?",
            Pattern.CASE_INSENSITIVE);
    /** A time (and zone) right before a date, a weekday allowed between. Groups as {@link #TIME_AFTER}. */
    private static final Pattern TIME_BEFORE = Pattern.compile(
            "(?<![\\d:.])" + CLOCK + "(?:\\s*" + ZONE + "\\b)?\\s*(?:,|on|-|\u2013|\u2014|\\||\u00B7)?\\s*"
                    + "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?\\s*,?\\s*)?$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern MDY = Pattern.compile(
            "\\b" + MONTH + "\\s*,?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DMY = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?" + MONTH + "\\s*,?\\s*(\\d{4})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile(
            "\\b(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2}|UTC|GMT)?)?(?![\\w-])",
            Pattern.CASE_INSENSITIVE);
    /** All-numeric day and month in either order: {@code 03/09/2025}, {@code 13.11.2019}, {@code 11/13/19}. */
    private static final Pattern NUMERIC =
            Pattern.compile("(?<![\\d.,/-])(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d|[./-]\\d)");
    /** North American zone abbreviations: a numeric date printed with one is month first. */
    private static final java.util.Set<String> MONTH_FIRST_ZONES = java.util.Set.of(
            "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "akst", "akdt", "hst");

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
        return firstStamp(text, DayMonthOrder.UNKNOWN).map(Stamp::instant);
    }

    /** The first valid date anywhere in the text, with its printed calendar date and offset. */
    public static Optional<Stamp> firstStamp(String text, DayMonthOrder order) {
        List<Found> all = findAll(text, order);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).stamp);
    }

    /** Every valid date in the text, in order. */
    public static List<Stamp> stamps(String text, DayMonthOrder order) {
        return findAll(text, order).stream().map(Found::stamp).toList();
    }

    /** {@link #parseLine(String, DayMonthOrder)} with nothing known about the document's locale. */
    public static Optional<DateLine> parseLine(String line) {
        return parseLine(line, DayMonthOrder.UNKNOWN);
    }

    /**
     * Reads a metadata line: one or more dates with optional labels ({@code Published:}, {@code
     * Updated:}), weekdays and times, optionally followed or preceded by a byline. Returns empty when
     * the line has no date or has other text besides (a sentence that mentions a date is not a date
     * line). When the line carries both a published and an updated date, the published one is taken.
     */
    public static Optional<DateLine> parseLine(String line, DayMonthOrder order) {
        String t = Texts.collapse(line);
        if (t.isEmpty() || t.length() > MAX_LINE_LENGTH) {
            return Optional.empty();
        }
        List<Found> found = findAll(t, order);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found chosen = null;
        boolean chosenUpdated = false;
        StringBuilder rest = new StringBuilder();
        int pos = 0;
        for (Found f : found) {
            String before = t.substring(pos, f.start);
            boolean updated = UPDATED_LABEL.matcher(before).find();
            if (chosen == null || (chosenUpdated && !updated)) {
                chosen = f;
                chosenUpdated = updated;
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
        Stamp st = chosen.stamp;
        if (remainder.isEmpty()) {
            return Optional.of(new DateLine(st.instant(), chosenUpdated, List.of(), st.localDate()));
        }
        String nameText = remainder;
        Optional<List<String>> names = BylineParser.parseByline(nameText).or(() -> BylineParser.parseNames(nameText));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DateLine(st.instant(), chosenUpdated, names.get(), st.localDate()));
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

    private record Found(Stamp stamp, int start, int end) {}

    private enum Kind {
        ISO,
        MDY,
        DMY,
        NUMERIC
    }

    private static List<Found> findAll(String text, DayMonthOrder order) {
        List<Found> found = new ArrayList<>(2);
        collect(text, ISO.matcher(text), Kind.ISO, order, found);
        collect(text, MDY.matcher(text), Kind.MDY, order, found);
        collect(text, DMY.matcher(text), Kind.DMY, order, found);
        collect(text, NUMERIC.matcher(text), Kind.NUMERIC, order, found);
        found.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
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

    /** The clock time of a {@link #TIME_AFTER} / {@link #TIME_BEFORE} match, or null when it is not a valid one. */
    private static LocalTime clock(Matcher m) {
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        String ampm = m.group(4);
        if (ampm != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return LocalTime.of(hour, minute, second);
    }

    private static void collect(String text, Matcher m, Kind kind, DayMonthOrder order, List<Found> out) {
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            LocalTime time = null;
            String zone = null;
            boolean isoTime = kind == Kind.ISO && m.group(5) != null;
            if (isoTime) {
                time = isoTime(m);
                zone = m.group(8);
            } else {
                Matcher after = TIME_AFTER.matcher(text).region(end, text.length());
                if (after.lookingAt() && (time = clock(after)) != null) {
                    zone = after.group(5);
                    end = after.end();
                } else {
                    int from = Math.max(0, start - 48);
                    Matcher before = TIME_BEFORE.matcher(text).region(from, start);
                    if (before.find() && (time = clock(before)) != null) {
                        zone = before.group(5);
                        start = before.start();
                    }
                }
            }
            try {
                LocalDate date = date(m, kind, order, zone);
                if (date == null || date.getYear() < 1900 || date.getYear() > 2200) {
                    continue;
                }
                out.add(new Found(stamp(date, time == null ? LocalTime.MIDNIGHT : time, zone), start, end));
            } catch (DateTimeException | NumberFormatException e) {
                // not a valid date: skip it
            }
        }
    }

    private static LocalTime isoTime(Matcher m) {
        int sec = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        try {
            return LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), sec);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate date(Matcher m, Kind kind, DayMonthOrder order, String zone) {
        switch (kind) {
            case ISO:
                if (m.group(5) != null && isoTime(m) == null) {
                    return null;
                }
                return LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            case MDY:
                return LocalDate.of(
                        Integer.parseInt(m.group(3)), monthNumber(m.group(1)), Integer.parseInt(m.group(2)));
            case DMY:
                return LocalDate.of(
                        Integer.parseInt(m.group(3)), monthNumber(m.group(2)), Integer.parseInt(m.group(1)));
            case NUMERIC:
                return numeric(m, order, zone);
            default:
                throw new IllegalStateException();
        }
    }

    /** An all-numeric date, day and month ordered by the rule of {@link DayMonthOrder}. */
    private static LocalDate numeric(Matcher m, DayMonthOrder order, String zone) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        String y = m.group(4);
        int year = Integer.parseInt(y);
        if (y.length() == 2) {
            if (m.group(2).equals("-")) {
                return null; // 03-09-25 is as often a code as a date
            }
            year += year >= 70 ? 1900 : 2000;
        }
        boolean dayFirst;
        if (a > 12 && b <= 12) {
            dayFirst = true;
        } else if (b > 12 && a <= 12) {
            dayFirst = false;
        } else if (zone != null) {
            dayFirst = !MONTH_FIRST_ZONES.contains(zone.toLowerCase(Locale.ROOT));
        } else if (order != DayMonthOrder.UNKNOWN) {
            dayFirst = order == DayMonthOrder.DAY_FIRST;
        } else {
            dayFirst = true; // dots (13.11.2019) and the world's usual order alike
        }
        return dayFirst ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
    }

    private static Stamp stamp(LocalDate date, LocalTime time, String zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        if (zone == null) {
            return new Stamp(local.toInstant(ZoneOffset.UTC), date, null);
        }
        String z = zone.toLowerCase(Locale.ROOT).replace(" ", "");
        ZoneId id = ZONES.get(z);
        if (id == null) {
            if (z.startsWith("utc") || z.startsWith("gmt")) {
                z = z.substring(3);
            }
            if (z.length() == 5 && z.charAt(3) != ':') { // +0300
                z = z.substring(0, 3) + ":" + z.substring(3);
            }
            id = ZoneOffset.of(z);
        }
        ZoneOffset offset = id.getRules().getOffset(local);
        return new Stamp(local.atOffset(offset).toInstant(), date, offset);
    }

    private static int monthNumber(String name) {
        switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan":
                return 1;
            case "feb":
                return 2;
            case "mar":
            case "m\u00e4r":
                return 3;
            case "apr":
                return 4;
            case "may":
            case "mai":
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
            case "okt":
                return 10;
            case "nov":
                return 11;
            case "dec":
            case "dez":
                return 12;
            default:
                throw new DateTimeException("unknown month " + name);
        }
    }
}
