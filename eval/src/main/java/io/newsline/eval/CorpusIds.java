package io.newsline.eval;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Article ids of an evaluation over one or several corpus directories: with one directory an article's id is its path
 * under it (as before, so labels and documented figures keep their ids); with several, that path prefixed by the
 * directory's name ({@code bbc/sport/199.txt}, {@code reuters/reuters-1.txt}), so ids stay unique across corpora.
 */
final class CorpusIds {
    private CorpusIds() {}

    /** What precedes the relative path in the ids of {@code corpus}'s articles, given how many corpora there are. */
    static String prefix(Path corpus, int corpora) {
        return corpora > 1 ? name(corpus) + "/" : "";
    }

    /** Whether no two of {@code corpora} have the same name (else their prefixed ids could collide). */
    static boolean distinctNames(List<Path> corpora) {
        if (corpora.size() < 2) {
            return true;
        }
        Set<String> names = new HashSet<>();
        return corpora.stream().allMatch(c -> names.add(name(c)));
    }

    /** The directory's own name, also for {@code .} or {@code ../bbc/}. */
    static String name(Path corpus) {
        Path name = corpus.toAbsolutePath().normalize().getFileName();
        return name != null ? name.toString() : "root";
    }
}
