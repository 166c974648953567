package io.newsline.eval;

import io.newsline.article.story.StoryFeatureExtractor;
import io.newsline.article.story.StoryFeatures;
import io.newsline.article.story.StoryParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes sampled stories to a Markdown file for a human to judge ({@code eval-stories --sample-out}): for each story
 * ALL its articles with id, date, headline and the opening of the body, and, to explain why the clustering joined
 * them, the features most of its articles share and, for each article, its similarity to the rest of its story and the
 * features that similarity comes from. Each story has an empty {@code Verdict:} line to fill in.
 */
final class StorySampleFile {
    static final int OPENING_CHARS = 200;
    private static final int SHARED_SHOWN = 8;
    private static final int CONTRIBUTORS_SHOWN = 4;

    private final StoryFeatureExtractor extractor;

    StorySampleFile(StoryParams params) {
        this.extractor = new StoryFeatureExtractor(params);
    }

    void write(
            Path file,
            String command,
            String summary,
            List<EvalStoriesCommand.Doc> docs,
            Map<String, List<String>> byStory,
            List<String> sampled)
            throws IOException {
        Map<String, EvalStoriesCommand.Doc> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        long big = byStory.values().stream().filter(l -> l.size() >= 3).count();
        StringBuilder md = new StringBuilder();
        md.append("# Story sample: ")
                .append(sampled.size())
                .append(" of ")
                .append(big)
                .append(" stories of 3+ articles\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        md.append("Run: ").append(summary.replaceFirst("^summary: ", "")).append("\n\n");
        md.append("Per article: id, date printed in the text (or `undated`), headline, the first ")
                .append(OPENING_CHARS)
                .append(" characters of the body, and `sim` = cosine of its features with the sum of the other"
                        + " articles' features, with the terms that contribute most (e: actor, p: place, k: keyword,"
                        + " t: headline term, b: body term, n: number).\n");
        int n = 0;
        for (String story : sampled) {
            List<EvalStoriesCommand.Doc> members =
                    byStory.get(story).stream().map(byId::get).toList();
            appendStory(md, ++n, story, members);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    private void appendStory(StringBuilder md, int n, String story, List<EvalStoriesCommand.Doc> members) {
        List<StoryFeatures> features =
                members.stream().map(d -> extractor.extract(d.input())).toList();
        md.append("\n## ")
                .append(n)
                .append(". ")
                .append(story)
                .append(" (")
                .append(members.size())
                .append(" articles)\n\n");
        md.append("Shared by 2+ of its articles: ").append(shared(features)).append("\n\n");
        md.append("Verdict: \n\n");
        for (int i = 0; i < members.size(); i++) {
            EvalStoriesCommand.Doc d = members.get(i);
            md.append(i + 1)
                    .append(". `")
                    .append(d.id())
                    .append("` ")
                    .append(date(d))
                    .append(" **")
                    .append(oneLine(d.input().title()))
                    .append("**  \n   ")
                    .append(similarityToRest(features, i))
                    .append("  \n   > ")
                    .append(opening(d.input().body()))
                    .append('\n');
        }
    }

    /** The date the article prints, or {@code undated} (the ingest time the evaluation gives it is no date). */
    static String date(EvalStoriesCommand.Doc d) {
        if (!d.input().dated()) {
            return "undated";
        }
        return Instant.ofEpochMilli(d.input().publishedAt())
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }

    /** The first {@value #OPENING_CHARS} characters of the body on one line, cut at a word. */
    static String opening(List<String> body) {
        String text = oneLine(String.join(" ", body));
        if (text.length() <= OPENING_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', OPENING_CHARS);
        return text.substring(0, cut > OPENING_CHARS / 2 ? cut : OPENING_CHARS) + " ...";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Features present in at least two articles, by summed weight: {@code e:tara-reid 3/3}. */
    private static String shared(List<StoryFeatures> features) {
        Map<String, Double> weight = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (StoryFeatures f : features) {
            f.vector().forEach((term, w) -> {
                weight.merge(term, w, Double::sum);
                count.merge(term, 1, Integer::sum);
            });
        }
        List<String> terms = new ArrayList<>(
                count.keySet().stream().filter(t -> count.get(t) >= 2).toList());
        terms.sort(Comparator.comparing((String t) -> -weight.get(t)).thenComparing(t -> t));
        if (terms.isEmpty()) {
            return "nothing";
        }
        return String.join(
                ", ",
                terms.stream()
                        .limit(SHARED_SHOWN)
                        .map(t -> t + " " + count.get(t) + "/" + features.size())
                        .toList());
    }

    /**
     * The cosine of article {@code i} with the sum of the others (about what it would meet had it come last; the app
     * keeps a centroid's 150 strongest terms) and
     * the terms that contribute most to it.
     */
    private static String similarityToRest(List<StoryFeatures> features, int i) {
        Map<String, Double> rest = new HashMap<>();
        for (int j = 0; j < features.size(); j++) {
            if (j != i) {
                features.get(j).vector().forEach((t, w) -> rest.merge(t, w, Double::sum));
            }
        }
        double norm = Math.sqrt(rest.values().stream().mapToDouble(w -> w * w).sum());
        StoryFeatures article = features.get(i);
        double cosine = article.cosine(rest, norm);
        List<Map.Entry<String, Double>> contributions = new ArrayList<>();
        article.vector().forEach((t, w) -> {
            Double r = rest.get(t);
            if (r != null) {
                contributions.add(Map.entry(t, w * r));
            }
        });
        contributions.sort(
                Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> top = contributions.stream()
                .limit(CONTRIBUTORS_SHOWN)
                .map(Map.Entry::getKey)
                .toList();
        return String.format(Locale.ROOT, "sim %.2f", cosine)
                + (top.isEmpty() ? "" : " (" + String.join(", ", top) + ")");
    }
}
