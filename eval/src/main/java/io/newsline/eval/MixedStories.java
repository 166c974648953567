package io.newsline.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An automatic precision proxy for runs over several corpora, where no labels say which articles report one event: a
 * story that mixes corpora of different years (BBC 2004-05, Reuters 1987) is certainly wrong, and a story whose
 * articles come from two or more folders of one corpus (BBC's business, politics, sport ...) is likely wrong. Counted
 * for stories of 2+ and of 3+ articles, with the articles in them.
 *
 * <p>An article's corpus is the first segment of its id when the run had several DIRs ({@link CorpusIds}: {@code
 * bbc/sport/017.txt} -> {@code bbc}); its folder is the directory part of its id ({@code bbc/sport}; {@code reuters}
 * for {@code reuters/reuters-1.txt}).
 *
 * @param mixed2 stories of 2+ articles with articles of two or more corpora
 * @param mixedArticles2 the articles in them
 * @param spanning2 stories of 2+ articles of one corpus but two or more of its folders
 * @param spanningArticles2 the articles in them
 * @param mixed3 as {@code mixed2}, stories of 3+ articles
 * @param mixedArticles3 the articles in them
 * @param spanning3 as {@code spanning2}, stories of 3+ articles
 * @param spanningArticles3 the articles in them
 */
record MixedStories(
        int mixed2,
        int mixedArticles2,
        int spanning2,
        int spanningArticles2,
        int mixed3,
        int mixedArticles3,
        int spanning3,
        int spanningArticles3) {

    /**
     * Counts the stories of {@code byStory} (story id -> article ids) that mix corpora or span folders; {@code
     * severalDirs}: whether the ids start with their corpus's name.
     */
    static MixedStories of(Map<String, List<String>> byStory, boolean severalDirs) {
        int[] c = new int[8];
        for (List<String> articles : byStory.values()) {
            if (articles.size() < 2) {
                continue;
            }
            Set<String> corpora = new HashSet<>();
            Set<String> folders = new HashSet<>();
            for (String id : articles) {
                corpora.add(severalDirs ? firstSegment(id) : "");
                folders.add(folder(id));
            }
            int kind = corpora.size() > 1 ? 0 : folders.size() > 1 ? 2 : -1;
            if (kind < 0) {
                continue;
            }
            c[kind]++;
            c[kind + 1] += articles.size();
            if (articles.size() >= 3) {
                c[kind + 4]++;
                c[kind + 5] += articles.size();
            }
        }
        return new MixedStories(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    }

    /** Whether there is anything to tell apart: several corpora, or folders in one. */
    static boolean applies(Iterable<String> articleIds, boolean severalDirs) {
        if (severalDirs) {
            return true;
        }
        for (String id : articleIds) {
            if (id.indexOf('/') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The line eval-stories prints. */
    String line() {
        return String.format(
                Locale.ROOT,
                "mixed stories (precision proxy): of 2+ articles, %d mix corpora (%d articles), %d span folders of one"
                        + " corpus (%d articles); of 3+ articles, %d mix corpora (%d articles), %d span folders (%d"
                        + " articles)",
                mixed2,
                mixedArticles2,
                spanning2,
                spanningArticles2,
                mixed3,
                mixedArticles3,
                spanning3,
                spanningArticles3);
    }

    private static String firstSegment(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    private static String folder(String id) {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }
}
