package io.newsline.article.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped list of known places and organisations ({@code gazetteer.tsv}), loaded once. Looks up
 * exact surface forms (words joined by single spaces, case-sensitive): canonical names, aliases
 * ({@code U.S.}, {@code IDF}) and demonyms ({@code Israeli}, {@code Israelis}).
 */
final class Gazetteer {
    /** What a surface form refers to. */
    record Entry(String canonical, EntityKind type, String kind, boolean demonym) {}

    private final Map<String, String> parents;

    private static final Gazetteer INSTANCE = load();

    private final Map<String, Entry> bySurface;
    private final int maxTokens;

    /** Short forms whose meaning depends on the article's country: surface -> country -> entry (aliases.tsv). */
    private final Map<String, Map<String, Entry>> contextual;
    /** Lower-case phrases that name a subject (a disease, say) whatever their case: phrase -> entry (aliases.tsv). */
    private final Map<String, Entry> terms;

    private Gazetteer(
            Map<String, Entry> bySurface,
            int maxTokens,
            Map<String, String> parents,
            Map<String, Map<String, Entry>> contextual,
            Map<String, Entry> terms) {
        this.contextual = contextual;
        this.terms = terms;
        this.bySurface = bySurface;
        this.maxTokens = maxTokens;
        this.parents = parents;
    }

    /**
     * The canonical name of the place a city or capital lies in ({@code Gaza City} -> {@code Gaza},
     * {@code Doha} -> {@code Qatar}), or {@code null}. Regions and countries have no parent here: only
     * cities roll up, so a story about Gaza City is also on the Gaza timeline.
     */
    String parentOf(String canonical) {
        return parents.get(canonical);
    }

    static Gazetteer get() {
        return INSTANCE;
    }

    /** The entry a surface form names, or {@code null}. */
    Entry lookup(String surface) {
        return bySurface.get(surface);
    }

    boolean contains(String surface) {
        return bySurface.containsKey(surface);
    }

    /** Most words in any surface form. */
    /**
     * The entry a country-dependent short form names in an article about {@code country} ({@code Treasury} in a
     * British story is HM Treasury), or null.
     */
    Entry contextual(String surface, String country) {
        Map<String, Entry> byCountry = contextual.get(surface);
        return byCountry == null || country == null ? null : byCountry.get(country);
    }

    /** The lower-case phrases of subjects ({@code swine flu} -> H1N1), matched in running text whatever their case. */
    Map<String, Entry> terms() {
        return terms;
    }

    int maxTokens() {
        return maxTokens;
    }

    int size() {
        return bySurface.size();
    }

    private static Gazetteer load() {
        Map<String, Entry> map = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        Map<String, Map<String, Entry>> contextual = new HashMap<>();
        Map<String, Entry> terms = new HashMap<>();
        int max = 1;
        List<String> lines = new ArrayList<>(Resources.lines("gazetteer.tsv"));
        // The alias table (short forms of institutions) after the gazetteer: its names never shadow the gazetteer's.
        lines.addAll(Resources.lines("aliases.tsv"));
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                throw new IllegalStateException("bad gazetteer line: " + line);
            }
            String kind = f[0].strip();
            String canonical = f[1].strip();
            if (kind.equals("term")) {
                // kind, canonical, phrases: a subject named in lower case as often as not (swine flu = H1N1)
                Entry entry = new Entry(canonical, EntityKind.OTHER, "term", false);
                max = Math.max(max, put(map, canonical, entry));
                for (String alias : split(f[2])) {
                    terms.putIfAbsent(alias.toLowerCase(java.util.Locale.ROOT), entry);
                }
                continue;
            }
            if (kind.equals("context")) {
                // kind, canonical, short forms, (no demonyms), the country whose articles mean this body by them
                Entry entry = new Entry(canonical, EntityKind.ORGANIZATION, "org", false);
                max = Math.max(max, put(map, canonical, entry));
                for (String alias : split(f[2])) {
                    contextual.computeIfAbsent(alias, k -> new HashMap<>()).put(f[4].strip(), entry);
                }
                continue;
            }
            EntityKind type = "org".equals(kind) ? EntityKind.ORGANIZATION : EntityKind.LOCATION;
            Entry entry = new Entry(canonical, type, kind, false);
            Entry demonymEntry = new Entry(canonical, type, kind, true);
            if ((kind.equals("city") || kind.equals("capital")) && f.length > 4 && !f[4].isBlank()) {
                parents.putIfAbsent(canonical, f[4].strip());
            }
            max = Math.max(max, put(map, canonical, entry));
            for (String alias : split(f[2])) {
                max = Math.max(max, put(map, alias, entry));
            }
            for (String demonym : f.length > 3 ? split(f[3]) : List.<String>of()) {
                max = Math.max(max, put(map, demonym, demonymEntry));
                String plural = plural(demonym);
                if (plural != null) {
                    put(map, plural, demonymEntry);
                }
            }
        }
        return new Gazetteer(Map.copyOf(map), max, Map.copyOf(parents), Map.copyOf(contextual), Map.copyOf(terms));
    }

    private static int put(Map<String, Entry> map, String surface, Entry entry) {
        // The first definition wins, so a canonical name is never shadowed by another entry's alias.
        map.putIfAbsent(surface, entry);
        return surface.split(" ").length;
    }

    private static List<String> split(String field) {
        String f = field.strip();
        return f.isEmpty() ? List.of() : List.of(f.split("\\|"));
    }

    private static String plural(String demonym) {
        if (demonym.endsWith("ese")
                || demonym.endsWith("ish")
                || demonym.endsWith("ss")
                || demonym.endsWith("sh")
                || demonym.endsWith("ch")) {
            return null;
        }
        return demonym + "s";
    }
}
