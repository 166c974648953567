package io.newsline.article.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the plain text of one article file into a {@link ArticleParts}. Stateless and thread-safe.
 *
 * <p>Layout understood:
 *
 * <ol>
 *   <li>The first non-empty line is the headline (leading date-only or byline-only lines are read as
 *       metadata and skipped).
 *   <li>Header lines after it, in any order: a line that repeats the headline (compared ignoring case,
 *       spacing, quotes and punctuation) is dropped; a date line, optionally with a byline ({@code
 *       May, 13 2025 Benjamin Calderwood}, {@code Updated: 13 May 2025 10:30 BST}); a {@code By ...}
 *       line; and, before any date or byline, a dek: a line that paraphrases the headline (shares
 *       enough content words with it and does not end like a sentence) or any short line followed by
 *       a date or byline line.
 *   <li>The body: paragraphs separated by blank lines; lines of one block are joined when the text is
 *       hard-wrapped (a line not ending a sentence followed by one starting in lower case). Sub-heads
 *       stay as their own paragraphs.
 *   <li>At the end: site boilerplate is removed ({@link BoilerplateFilter}); a trailing {@code By
 *       ...}, {@code Reporting by ...; Editing by ...} or date line, or a byline glued to the end of the
 *       last sentence, is read as metadata.
 *   <li>A wire dateline opening the body ({@code LONDON, Sept. 3 (Reuters) - }) gives the date when no
 *       date line did (the year inferred from the ingest time when missing) and the agency as byline
 *       when no author is named; the dateline stays in the body text.
 * </ol>
 *
 * <p>A date later than {@code now} (the ingest time) is ignored; undated articles get a {@code null}
 * {@link ArticleParts#publishedAt()}.
 *
 * <p>Bounds ({@link ParseLimits}): a text longer than {@code maxChars} is cut at the last line break before
 * the limit and that prefix is parsed (an article's headline, header and lead are at its start; rejecting
 * the whole file would lose them); NUL and other control characters are removed; the body is cut after
 * {@code maxBodyChars}. Every step is a linear scan or a regular expression applied to a bounded line, so
 * the work grows with the length of the text, whatever its content.
 */
public final class ArticleParser {
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085\\f\\u000B]");
    /** A byline glued to the end of the last sentence; matched against the paragraph's tail only. */
    private static final Pattern GLUED_BYLINE =
            Pattern.compile("[.!?\u2026\"\u201D\u2019)\\]]\\s*(By\\s+\\p{Lu}[^.!?]{2,100})$");

    private static final int GLUED_BYLINE_TAIL = 120;
    private static final Pattern LEADING_MARKUP = Pattern.compile("^#{1,6}\\s+");

    /** How many header lines after the headline are examined at most. */
    private static final int MAX_HEADER_LINES = 8;
    /** How many leading metadata lines before the headline are skipped at most. */
    private static final int MAX_LEADING_META = 3;
    /** How many trailing lines are examined for a byline or date. */
    private static final int MAX_TRAILING_META = 3;

    private static final int MIN_DEK_WORDS = 3;
    private static final int MAX_DEK_WORDS = 45;
    private static final double DEK_OVERLAP = 0.25;

    private static final Set<Character> LOWER_START_JOIN = Set.of(',', ';', '(', '\u2014', '\u2013');
    /** How many lines after a dek candidate are searched for body text. */
    private static final int MAX_BODY_LOOKAHEAD = 50;

    private final ParseLimits limits;

    /** A parser with the default {@link ParseLimits}. */
    public ArticleParser() {
        this(ParseLimits.DEFAULTS);
    }

    public ArticleParser(ParseLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Parses one article. Throws {@link IllegalArgumentException} when the text has no non-blank line. */
    public ArticleParts parse(String rawText, Instant now) {
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(now, "now");
        List<Line> lines = lines(Texts.withoutControls(limits.prefix(rawText, '\n')));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("article text has no non-blank line");
        }
        Meta meta = new Meta(now);

        int i = 0;
        while (i < lines.size() - 1 && i < MAX_LEADING_META && meta.accept(lines.get(i).text)) {
            i++;
        }
        String title = LEADING_MARKUP.matcher(lines.get(i).text).replaceFirst("");
        String titleKey = Texts.comparable(title);
        i++;

        String dek = null;
        boolean metaSeen = false;
        int headerEnd = Math.min(lines.size(), i + MAX_HEADER_LINES);
        while (i < headerEnd) {
            String text = lines.get(i).text;
            if (Texts.comparable(text).equals(titleKey)
                    || (dek != null && Texts.comparable(text).equals(Texts.comparable(dek)))) {
                i++;
            } else if (meta.accept(text)) {
                metaSeen = true;
                i++;
            } else if (!metaSeen && dek == null && isDek(lines, i, title)) {
                dek = text;
                i++;
            } else {
                break;
            }
        }

        List<String> body = paragraphs(lines.subList(i, lines.size()));
        body = takeTrailingMeta(body, meta);
        BoilerplateFilter.Result filtered = BoilerplateFilter.filter(body);
        body = limits.boundBody(takeTrailingMeta(new ArrayList<>(filtered.kept()), meta));
        if (!body.isEmpty()) {
            Optional<DateLineParser.Dateline> wire = DateLineParser.wireDateline(body.get(0), now);
            if (wire.isPresent()) {
                if (meta.published == null) {
                    meta.published = wire.get().instant();
                    meta.publishedLocal = null;
                }
                if (meta.bylines.isEmpty()) {
                    BylineParser.parseNames(wire.get().agency()).ifPresent(meta::addBylines);
                }
            }
        }
        return new ArticleParts(
                title, dek, meta.bylines, meta.published, body, filtered.removed(), meta.publishedLocal);
    }

    /**
     * Whether line {@code i} is the dek: a short line that is followed by a byline or date line (with
     * body text after it), or that paraphrases the headline without ending like a sentence. A line
     * continued by a hard-wrapped lower-case line is the start of a paragraph, not a dek, and so is a
     * line with no body text after it: the dek must never eat the only paragraph (a one-paragraph article
     * in a script without the Latin full stop used to lose its body that way).
     */
    private static boolean isDek(List<Line> lines, int i, String title) {
        Line line = lines.get(i);
        String text = line.text;
        int words = Texts.wordCount(text);
        if (words < MIN_DEK_WORDS || words > MAX_DEK_WORDS || BoilerplateFilter.isBoilerplateLine(text)) {
            return false;
        }
        Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
        if (next != null && next.block == line.block && continues(text, next.text)) {
            return false;
        }
        if (!hasBodyAfter(lines, i)) {
            return false;
        }
        int j = i + 1;
        while (j < lines.size() && isMetaLine(lines.get(j).text)) {
            j++;
        }
        if (j > i + 1 && j < lines.size()) {
            return true;
        }
        return !Texts.endsLikeSentence(text)
                && Texts.lastSignificantChar(text) != ':'
                && Texts.overlap(Texts.contentWords(text), Texts.contentWords(title)) >= DEK_OVERLAP;
    }

    /**
     * Whether a line after {@code i} is body text (neither a byline or date line nor boilerplate); at most
     * {@link #MAX_BODY_LOOKAHEAD} lines are looked at, and when all of those are metadata the answer is yes.
     */
    private static boolean hasBodyAfter(List<Line> lines, int i) {
        int end = Math.min(lines.size(), i + 1 + MAX_BODY_LOOKAHEAD);
        for (int j = i + 1; j < end; j++) {
            String text = lines.get(j).text;
            if (!isMetaLine(text)
                    && !BoilerplateFilter.isBoilerplateLine(text)
                    && !BoilerplateFilter.isListHeading(text)) {
                return true;
            }
        }
        return end < lines.size();
    }

    private static boolean isMetaLine(String text) {
        return BylineParser.parseByline(text).isPresent()
                || DateLineParser.parseLine(text).isPresent();
    }

    /** Removes byline/date lines (and a glued byline) from the end of the body into {@code meta}. */
    private static List<String> takeTrailingMeta(List<String> body, Meta meta) {
        List<String> out = new ArrayList<>(body);
        for (int n = 0; n < MAX_TRAILING_META && !out.isEmpty(); n++) {
            String last = out.get(out.size() - 1);
            if (meta.accept(last)) {
                out.remove(out.size() - 1);
                continue;
            }
            int from = Math.max(0, last.length() - GLUED_BYLINE_TAIL);
            if (last.indexOf("By ", from) >= 0) {
                Matcher m = GLUED_BYLINE.matcher(last);
                if (m.region(from, last.length()).find()) {
                    Optional<List<String>> names = BylineParser.parseByline(m.group(1));
                    if (names.isPresent()) {
                        meta.addBylines(names.get());
                        out.set(out.size() - 1, last.substring(0, m.start(1)).strip());
                    }
                }
            }
            break;
        }
        return out;
    }

    /** Collects the header metadata seen so far. */
    private static final class Meta {
        private final Instant now;
        private final List<String> bylines = new ArrayList<>();
        private Instant published;
        private boolean publishedIsUpdate;
        private java.time.LocalDate publishedLocal;

        Meta(Instant now) {
            this.now = now;
        }

        /** Takes the line if it is a byline or date line. */
        boolean accept(String line) {
            Optional<List<String>> by = BylineParser.parseByline(line);
            if (by.isPresent()) {
                addBylines(by.get());
                return true;
            }
            Optional<DateLineParser.DateLine> date = DateLineParser.parseLine(line);
            if (date.isEmpty()) {
                return false;
            }
            DateLineParser.DateLine d = date.get();
            if (!d.instant().isAfter(now) && (published == null || (publishedIsUpdate && !d.updated()))) {
                published = d.instant();
                publishedLocal = d.localDate();
                publishedIsUpdate = d.updated();
            }
            addBylines(d.bylines());
            return true;
        }

        void addBylines(List<String> names) {
            for (String n : names) {
                if (!bylines.contains(n)) {
                    bylines.add(n);
                }
            }
        }
    }

    private record Line(String text, int block) {}

    private static List<Line> lines(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = LINE_BREAKS.matcher(text).replaceAll("\n");
        List<Line> out = new ArrayList<>();
        int block = 0;
        boolean blank = false;
        for (String l : text.split("\n", -1)) {
            String t = Texts.collapse(l);
            if (t.isEmpty()) {
                blank = true;
                continue;
            }
            if (blank) {
                block++;
                blank = false;
            }
            out.add(new Line(t, block));
        }
        return out;
    }

    /** Groups lines into paragraphs: one per line, except hard-wrapped continuations. */
    private static List<String> paragraphs(List<Line> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        int currentBlock = -1;
        for (Line l : lines) {
            if (current != null && l.block == currentBlock && continues(current, l.text)) {
                current.append(' ').append(l.text);
                continue;
            }
            if (current != null) {
                out.add(current.toString());
            }
            current = new StringBuilder(l.text);
            currentBlock = l.block;
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }

    private static boolean continues(CharSequence previous, String next) {
        char last = Texts.lastSignificantChar(previous.toString());
        if (next.isEmpty()) {
            return false;
        }
        if (Scripts.isSentenceTerminal(last) || last == ':') {
            return false;
        }
        char first = next.charAt(0);
        return Character.isLowerCase(first) || LOWER_START_JOIN.contains(first);
    }
}
