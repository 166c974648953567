package io.newsline.article.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes site boilerplate from a list of body paragraphs.
 *
 * <ul>
 *   <li>A list heading ({@code Recent-posts}, {@code Recent posts}, {@code Related}, {@code Read more},
 *       {@code Most read}, {@code You may also like}, ...) is removed together with the run of
 *       headline-like lines after it (short lines that do not end like a sentence), so a teaser list
 *       of unrelated headlines disappears. Prose after such a run is kept.
 *   <li>Single boilerplate lines are removed wherever they are: {@code latest business news?}, share
 *       and subscribe lines, {@code Advertisement}, {@code Read more: ...}, copyright lines, tag lists.
 * </ul>
 */
public final class BoilerplateFilter {
    /** Paragraphs kept and the number removed. */
    public record Result(List<String> kept, int removed) {
        public Result {
            kept = List.copyOf(kept);
        }
    }

    private static final Pattern LIST_HEADING = Pattern.compile(
            "^(?:recent[\\s-]*(?:posts?|stories|articles|news)|related(?:[\\s-]+(?:posts?|articles?|stories|content"
                    + "|coverage|news|reading|links))?|read[\\s-]+more(?:\\s+(?:stories|news|articles))?|read[\\s-]+next"
                    + "|more[\\s-]+(?:stories|news|articles|posts|on this story|from\\s.{1,40})|most[\\s-]+(?:read|popular|viewed"
                    + "|shared|recent)|you[\\s-]+(?:may|might)[\\s-]+(?:also[\\s-]+)?like|also[\\s-]+read|read[\\s-]+also"
                    + "|see[\\s-]+also|trending(?:\\s+(?:now|stories|news))?|popular(?:\\s+(?:posts|stories|now))?"
                    + "|latest(?:\\s+(?:news|posts|stories|articles|headlines))?|top[\\s-]+stories|editor'?s[\\s-]+picks"
                    + "|recommended(?:\\s+(?:for you|stories|articles))?|further[\\s-]+reading|what[\\s-]+to[\\s-]+read[\\s-]+next"
                    + "|don'?t[\\s-]+miss|in[\\s-]+other[\\s-]+news|more[\\s-]+headlines)"
                    + "\\s*[:.\u2026\u00BB>\u203A|-]*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern[] BOILERPLATE_LINES = {
        // "latest business news?", "More world news", "Get the latest news"
        Pattern.compile(
                "^(?:(?:get|read)\\s+the\\s+)?(?:latest|more)\\s+(?:[\\p{L}-]+\\s+){0,3}news\\s*[?!.:]?$",
                Pattern.CASE_INSENSITIVE),
        // "Read more: Some headline", "Related: ...", "See also: ..."
        Pattern.compile(
                "^(?:read\\s+more|related|see\\s+also|also\\s+read|read\\s+also|more|watch|listen)\\s*[:\u00BB>|]\\s*.{0,200}$",
                Pattern.CASE_INSENSITIVE),
        Pattern.compile(
                "^(?:advertisement|advert|sponsored(?:\\s+content)?|story\\s+continues\\s+below(?:\\s+advertisement)?"
                        + "|continue\\s+reading(?:\\s+below)?|skip\\s+advertisement|scroll\\s+to\\s+continue.*)\\s*[.:]?$",
                Pattern.CASE_INSENSITIVE),
        Pattern.compile("^(?:\u00A9|\\(c\\)\\s|copyright\\b).{0,200}$", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^.{0,120}\\ball\\s+rights\\s+reserved\\.?$", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^(?:tags|tagged|filed\\s+under|topics|categories)\\s*:.{0,300}$", Pattern.CASE_INSENSITIVE),
        Pattern.compile(
                "^(?:subscribe|sign\\s+up|join|get)\\b.{0,120}\\b(?:newsletters?|inbox|updates|alerts|subscribe|subscription)\\b.{0,60}$",
                Pattern.CASE_INSENSITIVE),
        Pattern.compile("^(?:follow|like)\\s+us\\s+on\\b.{0,120}$", Pattern.CASE_INSENSITIVE),
        Pattern.compile("^click\\s+here\\b.{0,150}$", Pattern.CASE_INSENSITIVE),
        Pattern.compile(
                "^(?:leave\\s+a\\s+comment|\\d+\\s+comments?|comments?|show\\s+comments)\\s*[.:]?$",
                Pattern.CASE_INSENSITIVE),
    };

    /**
     * Every first word, in lower case, that a pattern of {@link #BOILERPLATE_LINES} can match at the start of a
     * line; a line starting with another ASCII word can only match the {@code all rights reserved} one.
     */
    private static final Set<String> BOILERPLATE_FIRST_WORDS = Set.of(
            "get",
            "read",
            "latest",
            "more",
            "related",
            "see",
            "also",
            "watch",
            "listen",
            "advertisement",
            "advert",
            "sponsored",
            "story",
            "continue",
            "skip",
            "scroll",
            "copyright",
            "tags",
            "tagged",
            "filed",
            "topics",
            "categories",
            "subscribe",
            "sign",
            "join",
            "follow",
            "like",
            "click",
            "leave",
            "comment",
            "comments",
            "show");

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Words a share bar is made of; a short line made only of these is boilerplate. */
    private static final Set<String> SHARE_WORDS = Set.of(
            "share",
            "shares",
            "sharing",
            "tweet",
            "email",
            "e",
            "mail",
            "print",
            "copy",
            "link",
            "pin",
            "facebook",
            "twitter",
            "x",
            "linkedin",
            "whatsapp",
            "reddit",
            "telegram",
            "pinterest",
            "messenger",
            "on",
            "this",
            "article",
            "story",
            "post",
            "via",
            "the",
            "save",
            "bookmark",
            "subscribe",
            "comments",
            "comment",
            "flipboard");

    private static final Set<String> SHARE_TRIGGERS =
            Set.of("share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "telegram");

    private static final Pattern BULLET = Pattern.compile("^[-*\u2022\u25CF\u25AA\u2013\u2014>]+\\s*");

    private static final int MAX_HEADING_CHARS = 60;
    /** Longer paragraphs are never single boilerplate lines (keeps the regex work per paragraph small). */
    private static final int MAX_BOILERPLATE_CHARS = 320;

    private static final int MAX_SHARE_BAR_CHARS = 120;

    /** Longest line, in words, still taken for a teaser headline after a list heading. */
    private static final int MAX_HEADLINE_WORDS = 30;

    private BoilerplateFilter() {}

    /** Filters the paragraphs; see the class comment for what is removed. */
    public static Result filter(List<String> paragraphs) {
        List<String> kept = new ArrayList<>(paragraphs.size());
        int removed = 0;
        int i = 0;
        while (i < paragraphs.size()) {
            String p = paragraphs.get(i);
            if (isListHeading(p)) {
                removed++;
                i++;
                while (i < paragraphs.size()
                        && (isTeaserHeadline(paragraphs.get(i)) || isBoilerplateLine(paragraphs.get(i)))) {
                    removed++;
                    i++;
                }
                continue;
            }
            if (isBoilerplateLine(p)) {
                removed++;
            } else {
                kept.add(p);
            }
            i++;
        }
        return new Result(kept, removed);
    }

    /** A heading that introduces a list of other stories. */
    public static boolean isListHeading(String line) {
        if (line.length() > 2 * MAX_HEADING_CHARS) {
            return false;
        }
        String t = Texts.collapse(line);
        return t.length() <= MAX_HEADING_CHARS && LIST_HEADING.matcher(t).matches();
    }

    /** A single line of site chrome: share/subscribe bars, ads, "latest business news?", etc. */
    public static boolean isBoilerplateLine(String line) {
        if (line.length() > MAX_BOILERPLATE_CHARS) {
            return false;
        }
        String t = Texts.collapse(line);
        if (t.isEmpty()) {
            return true;
        }
        if (mayMatchBoilerplatePattern(t)) {
            for (Pattern p : BOILERPLATE_LINES) {
                if (p.matcher(t).matches()) {
                    return true;
                }
            }
        }
        return isShareBar(t);
    }

    /**
     * False when no pattern of {@link #BOILERPLATE_LINES} can match, decided without running them (ten regular
     * expressions per paragraph were most of the parser's time): the line starts with an ASCII word that starts
     * none of them and does not end with {@code reserved}. Anything else (another first word, a digit, a symbol
     * such as {@code ©}) goes to the patterns.
     */
    private static boolean mayMatchBoilerplatePattern(String t) {
        int end = 0;
        while (end < t.length() && isAsciiLetter(t.charAt(end))) {
            end++;
        }
        if (end == 0 || BOILERPLATE_FIRST_WORDS.contains(t.substring(0, end).toLowerCase(Locale.ROOT))) {
            return true;
        }
        int dot = t.endsWith(".") ? 1 : 0;
        int from = t.length() - dot - "reserved".length();
        return from >= 0 && t.regionMatches(true, from, "reserved", 0, "reserved".length());
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A line that can be an item of a teaser list: short, and not ending like a sentence. */
    static boolean isTeaserHeadline(String line) {
        String t = BULLET.matcher(Texts.collapse(line)).replaceFirst("");
        return !t.isEmpty() && Texts.wordCount(t) <= MAX_HEADLINE_WORDS && !Texts.endsLikeSentence(t);
    }

    private static boolean isShareBar(String t) {
        if (t.length() > MAX_SHARE_BAR_CHARS) {
            return false;
        }
        String[] words = WORDS.split(t.toLowerCase(Locale.ROOT));
        if (words.length > 12) {
            return false;
        }
        boolean trigger = false;
        int count = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!SHARE_WORDS.contains(w)) {
                return false;
            }
            trigger |= SHARE_TRIGGERS.contains(w);
            count++;
        }
        return trigger && count > 0;
    }
}
