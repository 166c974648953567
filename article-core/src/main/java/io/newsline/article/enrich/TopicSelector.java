package io.newsline.article.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the timeline topics of an article from its entities and keywords.
 *
 * <p>NamedEntity salience combines relative and absolute prominence of its position-weighted mentions
 * {@code w} ({@link NamedEntity#weight()}): {@code 0.6 * w / wMax + 0.4 * w / (w + 4)}, in [0, 1]; the
 * article's main entity scores at least 0.6. A city rolls up into the place it lies in ({@code Gaza
 * City} -> {@code Gaza}, {@code Doha} -> {@code Qatar}, from the gazetteer): the parent gains half the
 * city's weight, so a story about Gaza City is also on the Gaza timeline. An entity becomes a topic when
 * its salience is at least 0.2, and, if its type is {@code OTHER}, it is mentioned at least twice.
 *
 * <p>Up to two keywords become {@code SUBJECT} topics with salience {@code 0.45 * score} when they score
 * at least 0.5, every word of them is also in the headline or dek, and none is a generic news word
 * ({@code hostage} for a story headlined "... Hostage Talks ..."), unless an entity has the same id.
 *
 * <p>Entities come first: named people, organisations and places are what timelines are for, so a weak
 * subject never pushes out an entity. At most {@value #DEFAULT_MAX_ENTITY_TOPICS} entity topics, then
 * subjects fill the remaining room up to {@value #DEFAULT_MAX_TOPICS} topics in all; most articles get 3
 * to 8. The result is sorted by salience.
 */
public final class TopicSelector {
    static final int DEFAULT_MAX_TOPICS = 10;
    static final int DEFAULT_MAX_ENTITY_TOPICS = 10;
    private static final double MIN_ENTITY_SALIENCE = 0.2;
    private static final double RELATIVE_PART = 0.6;
    private static final double ABSOLUTE_PART = 0.4;
    private static final double HALF_SATURATION = 4.0;
    private static final double ROLLUP_SHARE = 0.5;
    private static final int MAX_SUBJECTS = 2;
    private static final double MIN_SUBJECT_SCORE = 0.5;
    private static final double KEYWORD_SALIENCE = 0.45;

    private final int maxTopics;

    public TopicSelector() {
        this(DEFAULT_MAX_TOPICS);
    }

    /** A selector returning at most {@code maxTopics} topics. */
    public TopicSelector(int maxTopics) {
        if (maxTopics < 1) {
            throw new IllegalArgumentException("maxTopics must be positive");
        }
        this.maxTopics = maxTopics;
    }

    /** Salience of an entity with position-weighted mentions {@code weight} when the top entity has {@code maxWeight}. */
    static double salience(double weight, double maxWeight) {
        if (weight <= 0 || maxWeight <= 0) {
            return 0;
        }
        double s =
                RELATIVE_PART * Math.min(1, weight / maxWeight) + ABSOLUTE_PART * weight / (weight + HALF_SATURATION);
        return Math.round(Math.min(1, s) * 1000) / 1000.0;
    }

    private static final class Candidate {
        final String id;
        final String name;
        final EntityKind type;
        int mentions;
        double weight;

        Candidate(String id, String name, EntityKind type, int mentions, double weight) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.mentions = mentions;
            this.weight = weight;
        }
    }

    /**
     * The topics of an article. {@code text} is used to check that a keyword is a headline or dek
     * term before it becomes a subject topic.
     */
    public List<ArticleTopic> select(ArticleText text, List<NamedEntity> entities, List<KeyTerm> keywords) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (NamedEntity e : entities) {
            Candidate c = candidates.get(e.id());
            if (c == null) {
                candidates.put(e.id(), new Candidate(e.id(), e.name(), e.type(), e.mentions(), e.weight()));
            }
        }
        Gazetteer gazetteer = Gazetteer.get();
        for (NamedEntity e : entities) {
            String parent = e.type() == EntityKind.LOCATION ? gazetteer.parentOf(e.name()) : null;
            if (parent == null) {
                continue;
            }
            String pid = Slugs.slug(parent);
            Candidate p = candidates.computeIfAbsent(pid, id -> new Candidate(id, parent, EntityKind.LOCATION, 0, 0));
            p.weight += ROLLUP_SHARE * e.weight();
            p.mentions += e.mentions();
        }
        double max = 0;
        for (Candidate c : candidates.values()) {
            max = Math.max(max, c.weight);
        }
        List<ArticleTopic> entityTopics = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            double s = salience(c.weight, max);
            if (s < MIN_ENTITY_SALIENCE || (c.type == EntityKind.OTHER && c.mentions < 2)) {
                continue;
            }
            entityTopics.add(new ArticleTopic(c.id, c.name, ArticleTopicKind.of(c.type), s));
        }
        entityTopics.sort(BY_SALIENCE);
        List<ArticleTopic> topics = new ArrayList<>(
                entityTopics.subList(0, Math.min(entityTopics.size(), Math.min(maxTopics, DEFAULT_MAX_ENTITY_TOPICS))));
        Set<String> ids = new HashSet<>();
        topics.forEach(t -> ids.add(t.id()));
        Set<String> headlineTerms = headlineTerms(text);
        int subjects = 0;
        for (KeyTerm k : keywords) {
            if (subjects >= MAX_SUBJECTS || topics.size() >= maxTopics) {
                break;
            }
            if (k.score() < MIN_SUBJECT_SCORE || !isSubject(k.term(), headlineTerms)) {
                continue;
            }
            // A key phrase that the alias table knows (swine flu) is its subject's topic (H1N1), already counted.
            Gazetteer.Entry term = gazetteer.terms().get(k.term());
            String id = Slugs.slug(term != null ? term.canonical() : k.term());
            if (ids.add(id) && !candidates.containsKey(id)) {
                double salience = Math.round(KEYWORD_SALIENCE * k.score() * 1000) / 1000.0;
                topics.add(new ArticleTopic(id, k.term(), ArticleTopicKind.SUBJECT, salience));
                subjects++;
            }
        }
        topics.sort(BY_SALIENCE);
        return List.copyOf(topics);
    }

    private static final Comparator<ArticleTopic> BY_SALIENCE =
            Comparator.comparingDouble(ArticleTopic::salience).reversed().thenComparing(ArticleTopic::id);

    /** Every word of a keyword is a headline or dek term and none is a generic news word. */
    private static boolean isSubject(String term, Set<String> headlineTerms) {
        for (String w : term.split(" ")) {
            if (!headlineTerms.contains(w) || Lexicon.GENERIC_TERMS.contains(w) || w.length() < 4) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> headlineTerms(ArticleText text) {
        Set<String> terms = new HashSet<>();
        addTerms(text.title(), terms);
        if (text.dek() != null) {
            addTerms(text.dek(), terms);
        }
        return terms;
    }

    private static void addTerms(String line, Set<String> out) {
        for (Tokenizer.Token t : Tokenizer.tokenize(line)) {
            String term = KeywordExtractor.term(t.text(), true, Set.of());
            if (term != null) {
                out.add(term);
            }
        }
    }
}
