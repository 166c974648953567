package io.newsline.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated near duplicates for measuring recall by kind and size of edit: each edit takes an article's body
 * paragraphs and returns an edited copy, as happens when a story is re-published: a new headline on the same body,
 * a paragraph dropped or added, words substituted, boilerplate appended, or several of these at once.
 */
public final class SyntheticDuplicates {

    /** One kind and size of edit, named as it appears in the evaluation report. */
    public enum Edit {
        HEADLINE("headline changed"),
        DROP_1("1 paragraph dropped"),
        DROP_2("2 paragraphs dropped"),
        ADD_1("1 paragraph added"),
        ADD_2("2 paragraphs added"),
        WORDS_2("2% of words substituted"),
        WORDS_5("5% of words substituted"),
        WORDS_10("10% of words substituted"),
        BOILERPLATE("boilerplate appended"),
        EDITED_COPY("headline + 1 paragraph dropped + boilerplate");

        private final String label;

        Edit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final List<String> BOILERPLATE = List.of(
            "Share this story on Facebook, Twitter, WhatsApp or by email.",
            "Sign up for our morning newsletter and get the day's top stories in your inbox before breakfast.",
            "Related topics: World news, Politics, Business. More stories from our correspondents.",
            "Copyright 2025 Example Media Group. All rights reserved. This material may not be published,"
                    + " broadcast, rewritten or redistributed.");

    private final Random random;
    private final List<List<String>> donors;
    private final List<String> vocabulary;

    /**
     * @param seed makes the edits reproducible
     * @param donors bodies that added paragraphs are taken from
     */
    public SyntheticDuplicates(long seed, List<List<String>> donors) {
        this.random = new Random(seed);
        this.donors = donors;
        this.vocabulary = new ArrayList<>();
        for (List<String> body : donors) {
            for (String paragraph : body) {
                for (String word : paragraph.split("\\s+")) {
                    if (!word.isEmpty() && vocabulary.size() < 200_000) {
                        vocabulary.add(word);
                    }
                }
            }
        }
        if (vocabulary.isEmpty()) {
            vocabulary.add("word");
        }
    }

    public Random random() {
        return random;
    }

    /** The edited copy of a body. */
    public List<String> apply(Edit edit, List<String> body) {
        return switch (edit) {
            case HEADLINE -> List.copyOf(body);
            case DROP_1 -> drop(body, 1);
            case DROP_2 -> drop(body, 2);
            case ADD_1 -> add(body, 1);
            case ADD_2 -> add(body, 2);
            case WORDS_2 -> substitute(body, 0.02);
            case WORDS_5 -> substitute(body, 0.05);
            case WORDS_10 -> substitute(body, 0.10);
            case BOILERPLATE -> boilerplate(body);
            case EDITED_COPY -> boilerplate(drop(body, 1));
        };
    }

    private List<String> drop(List<String> body, int paragraphs) {
        List<String> copy = new ArrayList<>(body);
        for (int i = 0; i < paragraphs && copy.size() > 1; i++) {
            copy.remove(random.nextInt(copy.size()));
        }
        return copy;
    }

    private List<String> add(List<String> body, int paragraphs) {
        List<String> copy = new ArrayList<>(body);
        for (int i = 0; i < paragraphs; i++) {
            List<String> donor = donors.get(random.nextInt(donors.size()));
            copy.add(random.nextInt(copy.size() + 1), donor.get(random.nextInt(donor.size())));
        }
        return copy;
    }

    private List<String> substitute(List<String> body, double share) {
        List<String> copy = new ArrayList<>(body.size());
        for (String paragraph : body) {
            String[] words = paragraph.split(" ");
            for (int i = 0; i < words.length; i++) {
                if (random.nextDouble() < share) {
                    words[i] = vocabulary.get(random.nextInt(vocabulary.size()));
                }
            }
            copy.add(String.join(" ", words));
        }
        return copy;
    }

    private List<String> boilerplate(List<String> body) {
        List<String> copy = new ArrayList<>(body);
        int lines = 1 + random.nextInt(BOILERPLATE.size());
        int first = random.nextInt(BOILERPLATE.size());
        for (int i = 0; i < lines; i++) {
            copy.add(BOILERPLATE.get((first + i) % BOILERPLATE.size()));
        }
        return copy;
    }
}
