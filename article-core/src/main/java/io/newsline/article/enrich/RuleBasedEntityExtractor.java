package io.newsline.article.enrich;

import io.newsline.article.enrich.Tokenizer.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fast rule-based named-entity extraction (v1).
 *
 * <p><b>Discovery</b> runs over prose paragraphs of the body only: a candidate is a run of capitalised
 * words, possibly joined by name connectors ({@code of}, {@code bin}, {@code al-}, {@code van} ...).
 * A capitalised word that only starts a sentence is dropped when it is a stopword or sentence opener
 * ({@code The}, {@code Despite}, {@code Both}), or when it never appears capitalised mid-sentence
 * ({@code Analysts}, {@code Government}). Role and honorific words are stripped and make what follows a
 * person ({@code Prime Minister Benjamin Netanyahu}, {@code U.S. Special Envoy Steve Witkoff}, {@code
 * Mr. Smith}); a country or demonym before the role is counted for that country. Possessive {@code
 * 's} is removed. Phrases are typed by the shipped gazetteer (places, demonyms, organisations and
 * their aliases), then by cue words ({@code Hospital}, {@code Ministry}, {@code Party} ->
 * organisation; {@code City}, {@code River} -> place), a preceding person noun ({@code soldier Edan
 * Alexander}) or a common first name; otherwise {@code OTHER}.
 *
 * <p><b>Surname merge</b>: a one-word name is merged into the only longer person name of the article
 * ending with it ({@code Netanyahu} -> {@code Benjamin Netanyahu}).
 *
 * <p><b>Matching</b>: headline, dek and sub-heads are title-case text, so they never create new names;
 * they are scanned only for names already found in the body, their surnames, and gazetteer entries,
 * and such mentions weigh more (headline 3, dek 2; lead paragraph 1.5; other paragraphs 1). A demonym
 * mention weighs half. Entities are returned most mentioned first.
 *
 * <p><b>A headline written as a sentence</b> ({@link #isSentence}: at least {@value #SENTENCE_MIN_WORDS}
 * words, two thirds of them in lower case, as wire copy without a headline whose first line is its lead
 * sentence, or a sentence-case headline) is read like prose: its capitalised words are names by the same
 * rules as the body's, so a name printed only there is found (headline weight). Title case would make
 * every word a candidate, which is why other headlines only match.
 */
public final class RuleBasedEntityExtractor implements EntityExtractor {
    static final double TITLE_WEIGHT = 3.0;
    static final double DEK_WEIGHT = 2.0;
    static final double LEAD_WEIGHT = 1.5;
    static final double BODY_WEIGHT = 1.0;

    /** A demonym ({@code Israeli troops}) counts as a mention of the country but weighs half. */
    static final double DEMONYM_FACTOR = 0.5;

    /** Fewest words of a headline read as a sentence ({@link #isSentence}). */
    static final int SENTENCE_MIN_WORDS = 10;

    private static final int MAX_PHRASE_TOKENS = 7;
    private static final int MAX_PERSON_TOKENS = 5;
    private static final int MAX_ENTITIES = 60;

    private static final int STRENGTH_NONE = 0;
    private static final int STRENGTH_WEAK = 1;
    private static final int STRENGTH_CUE = 2;
    private static final int STRENGTH_ROLE = 3;
    private static final int STRENGTH_GAZETTEER = 4;

    private final Gazetteer gazetteer = Gazetteer.get();

    @Override
    public List<NamedEntity> extract(ArticleText text) {
        List<String> paragraphs = text.paragraphs();
        List<List<Token>> prose = new ArrayList<>(paragraphs.size());
        List<Double> proseWeights = new ArrayList<>(paragraphs.size());
        List<List<Token>> subheads = new ArrayList<>();
        Set<String> midCaps = new HashSet<>();
        Set<String> lowerWords = new HashSet<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            List<Token> tokens = splitHyphenatedPlaces(text.tokens(i));
            if (text.isSubhead(i)) {
                subheads.add(tokens);
                continue;
            }
            prose.add(tokens);
            proseWeights.add(i == text.leadIndex() ? LEAD_WEIGHT : BODY_WEIGHT);
            noteCase(tokens, midCaps, lowerWords);
        }

        List<Token> titleTokens = Tokenizer.tokenize(text.title());
        boolean titleIsProse = isSentence(titleTokens);
        if (titleIsProse) {
            List<Token> tokens = splitHyphenatedPlaces(titleTokens);
            prose.add(tokens);
            proseWeights.add(TITLE_WEIGHT);
            noteCase(tokens, midCaps, lowerWords);
        }
        Registry registry = new Registry();
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < prose.size(); i++) {
            discover(prose.get(i), proseWeights.get(i), midCaps, lowerWords, registry, pending);
        }
        addTerms(text, registry);
        registry.absorbTerms(gazetteer.terms());
        registry.resolveContextual(gazetteer);
        registry.mergeSurnames();
        registry.mergeShortOrganisationNames();

        Map<String, Candidate> index = registry.surfaceIndex();
        for (Pending p : pending) {
            Candidate c = index.get(p.surface);
            if (c != null) {
                c.mention(p.weight);
            }
        }
        if (!titleIsProse) {
            matchKnown(titleTokens, TITLE_WEIGHT, index, registry);
        }
        if (text.dek() != null) {
            matchKnown(Tokenizer.tokenize(text.dek()), DEK_WEIGHT, index, registry);
        }
        for (List<Token> tokens : subheads) {
            matchKnown(tokens, BODY_WEIGHT, index, registry);
        }
        return mergeShortForms(registry.entities());
    }

    /** Notes the words written in lower case, and those capitalised inside a sentence (not only at its start). */
    private static void noteCase(List<Token> tokens, Set<String> midCaps, Set<String> lowerWords) {
        for (Token t : tokens) {
            if (!t.capitalised()) {
                lowerWords.add(t.text());
            } else if (!t.sentenceStart()) {
                midCaps.add(t.text());
            }
        }
    }

    /**
     * Whether a headline is written as a sentence: at least {@value #SENTENCE_MIN_WORDS} words (tokens that start
     * with a letter), at least two thirds of them in lower case. A title-case headline has a third or fewer (its
     * function words); English prose about four fifths.
     */
    static boolean isSentence(List<Token> tokens) {
        int words = 0;
        int lower = 0;
        for (Token t : tokens) {
            if (!t.text().isEmpty() && Character.isLetter(t.text().charAt(0))) {
                words++;
                if (!t.capitalised()) {
                    lower++;
                }
            }
        }
        return words >= SENTENCE_MIN_WORDS && 3 * lower >= 2 * words;
    }

    /**
     * Folds short forms into the full entity of the same article, adding their mentions: a lone first
     * name of a person ({@code Paul} -> {@code Paul McCartney}), an acronym of a name of three or more
     * capitalised words ({@code MPC} -> {@code Monetary Policy Committee}), {@code The X} -> {@code X};
     * and drops capitalised common words and modifiers ({@link #isCommonWordOrModifier}).
     */
    private List<NamedEntity> mergeShortForms(List<NamedEntity> found) {
        Map<String, Integer> targets = new HashMap<>();
        List<NamedEntity> out = new ArrayList<>(found);
        for (int i = 0; i < out.size(); i++) {
            NamedEntity e = out.get(i);
            String[] words = e.name().split(" ");
            targets.putIfAbsent("name:" + e.name(), i);
            if (words.length >= 2 && e.type() == EntityKind.PERSON) {
                targets.putIfAbsent("first:" + words[0], i);
            }
            if (words.length >= 3) {
                StringBuilder acronym = new StringBuilder();
                for (String w : words) {
                    if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                        acronym.append(w.charAt(0));
                    }
                }
                targets.putIfAbsent("acronym:" + acronym, i);
            }
        }
        boolean[] drop = new boolean[out.size()];
        for (int i = 0; i < out.size(); i++) {
            NamedEntity e = out.get(i);
            String name = e.name();
            Integer target = null;
            if (name.indexOf(' ') < 0) {
                target = targets.get("first:" + name);
                if (target == null && name.length() >= 3) {
                    target = targets.get("acronym:" + name);
                }
            } else if (name.startsWith("The ")) {
                target = targets.get("name:" + name.substring(4));
            }
            if (target != null && target != i && !drop[target]) {
                NamedEntity t = out.get(target);
                out.set(
                        target,
                        new NamedEntity(
                                t.type(), t.name(), t.id(), t.mentions() + e.mentions(), t.weight() + e.weight()));
                drop[i] = true;
            } else if (isCommonWordOrModifier(e)) {
                drop[i] = true;
            }
        }
        List<NamedEntity> kept = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            if (!drop[i]) {
                kept.add(out.get(i));
            }
        }
        kept.sort(Comparator.comparingInt(NamedEntity::mentions).reversed());
        return kept;
    }

    /** Share of background documents above which a word is "common in lower case" (about 0.3%). */
    private static final double COMMON_WORD_SHARE = 0.003;

    private static final java.util.regex.Pattern CAPITALISED_MODIFIER =
            java.util.regex.Pattern.compile("\\p{Lu}[\\p{L}.]*-\\p{Ll}+\\b");

    /**
     * A capitalised common word that is no name ({@code Century}, {@code Investors}, {@code Chapter}):
     * one word, not in the gazetteer, and written in lower case in enough documents of the background
     * corpus ({@link DocumentFrequencies}); or a modifier such as {@code Belfast-born}, {@code
     * Oscar-nominated}, {@code Florida-based}.
     */
    private boolean isCommonWordOrModifier(NamedEntity e) {
        String name = e.name();
        if (CAPITALISED_MODIFIER.matcher(name).find()) {
            return true;
        }
        if (name.indexOf(' ') >= 0 || gazetteer.lookup(name) != null) {
            return false;
        }
        String term = KeywordExtractor.term(name, true, Set.of());
        return term != null && DocumentFrequencies.shipped().isCommonWord(term, COMMON_WORD_SHARE);
    }

    // ---------------------------------------------------------------- discovery

    private void discover(
            List<Token> toks,
            double weight,
            Set<String> midCaps,
            Set<String> lowerWords,
            Registry registry,
            List<Pending> pending) {
        int n = toks.size();
        int k = 0;
        while (k < n) {
            Token t = toks.get(k);
            if (!namePart(t)) {
                k++;
                continue;
            }
            int e = k + 1;
            while (e < n && !toks.get(e - 1).possessive()) {
                Token next = toks.get(e);
                if (!next.joined()) {
                    break;
                }
                if (namePart(next)) {
                    e++;
                } else if (isConnector(next, toks.get(e - 1)) && joinedCapital(toks, e + 1)) {
                    e += 2;
                } else if ((next.text().equals("and") || next.text().equals("&"))
                        && !COMPANY_SUFFIXES.contains(toks.get(e - 1).text())
                        && companyAfterAnd(toks, e + 1)) {
                    e += 2; // "Rohm and Haas Co", "Cable and Wireless PLC": one company, not two names
                } else if (next.text().equals("of")
                        && e + 2 < n
                        && toks.get(e + 1).text().equals("the")
                        && toks.get(e + 1).joined()
                        && joinedCapital(toks, e + 2)) {
                    e += 3;
                } else {
                    break;
                }
            }
            phrase(toks, k, e, weight, midCaps, lowerWords, registry, pending);
            k = e;
        }
    }

    private static final Set<String> COMPANY_SUFFIXES =
            Set.of("Inc", "Co", "Corp", "Ltd", "PLC", "Plc", "plc", "Cos", "Company", "Corporation", "Group", "LLC");

    /** Whether one to three capitalised words from {@code i} end in a company's legal form. */
    private static boolean companyAfterAnd(List<Token> toks, int i) {
        for (int j = i; j < Math.min(toks.size(), i + 4); j++) {
            Token t = toks.get(j);
            if (!t.joined() || !namePart(t)) {
                return false;
            }
            if (j > i && COMPANY_SUFFIXES.contains(t.text())) {
                return true;
            }
            if (t.possessive()) {
                return false;
            }
        }
        return false;
    }

    /**
     * Subjects of the alias table named by lower-case phrases ({@code swine flu}): every occurrence, on word
     * boundaries and in any case, counts for the subject's canonical name (H1N1), as its capitalised forms do.
     */
    private void addTerms(ArticleText text, Registry registry) {
        Map<String, Gazetteer.Entry> terms = gazetteer.terms();
        if (terms.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        parts.add(text.title());
        weights.add(TITLE_WEIGHT);
        if (text.dek() != null) {
            parts.add(text.dek());
            weights.add(DEK_WEIGHT);
        }
        List<String> paragraphs = text.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            parts.add(paragraphs.get(i));
            weights.add(i == text.leadIndex() ? LEAD_WEIGHT : BODY_WEIGHT);
        }
        for (int p = 0; p < parts.size(); p++) {
            String lower = parts.get(p).toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Gazetteer.Entry> t : terms.entrySet()) {
                for (int at = lower.indexOf(t.getKey()); at >= 0; at = lower.indexOf(t.getKey(), at + 1)) {
                    int end = at + t.getKey().length();
                    boolean wordStart = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
                    boolean wordEnd = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
                    if (wordStart && wordEnd) {
                        registry.addGazetteer(t.getValue(), parts.get(p).substring(at, end), weights.get(p));
                    }
                }
            }
        }
    }

    private static boolean joinedCapital(List<Token> toks, int i) {
        return i < toks.size() && toks.get(i).joined() && namePart(toks.get(i));
    }

    /** A capitalised word other than the pronoun {@code I}. */
    private static boolean namePart(Token t) {
        return t.capitalised() && !"I".equals(t.text());
    }

    private static boolean isConnector(Token t, Token previous) {
        String w = t.text();
        return Lexicon.CONNECTORS.contains(w) || ("for".equals(w) && Lexicon.FOR_HEADS.contains(previous.text()));
    }

    private void phrase(
            List<Token> toks,
            int start,
            int end,
            double weight,
            Set<String> midCaps,
            Set<String> lowerWords,
            Registry registry,
            List<Pending> pending) {
        int s = start;
        Token first = toks.get(s);
        if (gazetteerPrefix(toks, s, end) == 0 && !containsRole(toks, s, end)) {
            String lower = first.text().toLowerCase(Locale.ROOT);
            boolean opener = !first.acronym()
                    && (Lexicon.SENTENCE_OPENERS.contains(lower)
                            || (first.sentenceStart() && Lexicon.STOPWORDS_EN.contains(lower)));
            if (opener) {
                s++; // "The Red Cross", "Despite ...", "Both American figures"
            } else if (first.sentenceStart() && !midCaps.contains(first.text()) && !first.acronym()) {
                if (end - s == 1) {
                    pending.add(new Pending(first.text(), weight)); // maybe a known surname
                    return;
                }
                if (lowerWords.contains(lower)) {
                    s++;
                }
            }
        }
        if (s >= end || end - s > MAX_PHRASE_TOKENS) {
            return;
        }
        resolve(toks, s, end, weight, registry);
    }

    private void resolve(List<Token> toks, int s, int e, double weight, Registry registry) {
        String surface = join(toks, s, e);
        Gazetteer.Entry entry = gazetteer.lookup(surface);
        if (entry != null) {
            registry.addGazetteer(entry, surface, weight);
            return;
        }
        if (resolveRole(toks, s, e, weight, registry)) {
            return;
        }
        for (int j = s + 1; j < e; j++) { // "American Red Cross": two known parts
            Gazetteer.Entry left = gazetteer.lookup(join(toks, s, j));
            Gazetteer.Entry right = left == null ? null : gazetteer.lookup(join(toks, j, e));
            if (right != null) {
                registry.addGazetteer(left, join(toks, s, j), weight);
                registry.addGazetteer(right, join(toks, j, e), weight);
                return;
            }
        }
        int len = e - s;
        String firstWord = toks.get(s).text();
        String lastWord = toks.get(e - 1).text();
        if (len == 1 && isJunkAlone(toks.get(s))) {
            return;
        }
        EntityKind type = EntityKind.OTHER;
        int strength = STRENGTH_NONE;
        if (Lexicon.ORG_SUFFIXES.contains(lastWord) || (len > 1 && Lexicon.ORG_PREFIXES.contains(firstWord))) {
            type = EntityKind.ORGANIZATION;
            strength = STRENGTH_CUE;
        } else if (len > 1
                && (Lexicon.LOCATION_SUFFIXES.contains(lastWord) || Lexicon.LOCATION_PREFIXES.contains(firstWord))) {
            type = EntityKind.LOCATION;
            strength = STRENGTH_CUE;
        } else if (len == 1 && toks.get(s).acronym()) {
            type = EntityKind.ORGANIZATION;
            strength = STRENGTH_WEAK;
        } else if (len <= 4 && personCueBefore(toks, s)) {
            type = EntityKind.PERSON;
            strength = STRENGTH_CUE;
        } else if (len >= 2 && len <= 4 && Lexicon.FIRST_NAMES.contains(firstWord)) {
            type = EntityKind.PERSON;
            strength = STRENGTH_CUE;
        }
        registry.add(surface, type, strength, surface, len, lastWord, weight);
    }

    /** Handles a phrase containing a role or honorific; returns false when there is none. */
    private boolean resolveRole(List<Token> toks, int s, int e, double weight, Registry registry) {
        int role = -1;
        for (int i = e - 1; i >= s; i--) {
            if (Lexicon.ROLES.contains(toks.get(i).text())) {
                role = i;
                break;
            }
        }
        if (role < 0) {
            return false;
        }
        int nameStart = role + 1;
        if (nameStart < e && toks.get(nameStart).text().equals("of")) { // Secretary of State Marco Rubio
            int j = nameStart + 1;
            if (j < e && toks.get(j).text().equals("the")) {
                j++;
            }
            j = Math.min(j + 1, e);
            emitGazetteer(toks, nameStart + 1, j, weight, registry);
            nameStart = j;
        }
        if (nameStart < e && endsWithInstitutionCue(toks.get(e - 1).text())) {
            return false; // "Justice Department", "General Motors": not a person
        }
        emitGazetteer(toks, s, role, weight, registry); // "U.S." in "U.S. Special Envoy ..."
        for (int j = nameStart + 1; j < e - 1; j++) { // "President Musharraf of Pakistan"
            if (toks.get(j).text().equals("of") && gazetteer.contains(join(toks, j + 1, e))) {
                emitGazetteer(toks, j + 1, e, weight, registry);
                e = j;
                break;
            }
        }
        if (nameStart < e && e - nameStart <= MAX_PERSON_TOKENS) {
            String name = join(toks, nameStart, e);
            // After an honorific, or for a demonym, a gazetteer hit is a surname ("Mr Irish"), not a place.
            Gazetteer.Entry entry = Lexicon.HONORIFICS.contains(toks.get(role).text()) ? null : gazetteer.lookup(name);
            if (entry != null && !entry.demonym()) {
                registry.addGazetteer(entry, name, weight);
            } else if (!(e - nameStart == 1 && isJunkAlone(toks.get(nameStart)))) {
                registry.add(
                        name,
                        EntityKind.PERSON,
                        STRENGTH_ROLE,
                        name,
                        e - nameStart,
                        toks.get(e - 1).text(),
                        weight);
            }
        }
        return true;
    }

    private static boolean containsRole(List<Token> toks, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Lexicon.ROLES.contains(toks.get(i).text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithInstitutionCue(String word) {
        return Lexicon.ORG_SUFFIXES.contains(word) || Lexicon.LOCATION_SUFFIXES.contains(word);
    }

    /** Adds every gazetteer entry in the token range (longest match first). */
    private void emitGazetteer(List<Token> toks, int from, int to, double weight, Registry registry) {
        int k = from;
        while (k < to) {
            int len = gazetteerPrefix(toks, k, to);
            if (len > 0) {
                String surface = join(toks, k, k + len);
                registry.addGazetteer(gazetteer.lookup(surface), surface, weight);
                k += len;
            } else {
                k++;
            }
        }
    }

    /** Length of the longest gazetteer surface starting at {@code from} and ending before {@code to}; 0 if none. */
    private int gazetteerPrefix(List<Token> toks, int from, int to) {
        int max = Math.min(to - from, gazetteer.maxTokens());
        for (int len = max; len >= 1; len--) {
            if (gazetteer.contains(join(toks, from, from + len))) {
                return len;
            }
        }
        return 0;
    }

    private static boolean isJunkAlone(Token t) {
        String w = t.text();
        String bare = w.endsWith(".") ? w.substring(0, w.length() - 1) : w; // "Sept."
        return Lexicon.NEVER_ALONE.contains(bare.toLowerCase(Locale.ROOT))
                || Lexicon.ORG_SUFFIXES.contains(w)
                || Lexicon.LOCATION_SUFFIXES.contains(w)
                || Lexicon.NON_ORG_ACRONYMS.contains(w)
                || Character.isDigit(w.charAt(0))
                || w.length() < 2;
    }

    private static boolean personCueBefore(List<Token> toks, int s) {
        if (s == 0 || !toks.get(s).joined()) {
            return false;
        }
        Token prev = toks.get(s - 1);
        return !prev.capitalised() && Lexicon.PERSON_CUES.contains(prev.text());
    }

    /** Splits {@code American-Israeli} into two demonyms; keeps {@code Jean-Pierre} and {@code Guinea-Bissau}. */
    private List<Token> splitHyphenatedPlaces(List<Token> tokens) {
        List<Token> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            List<Token> parts = null;
            if (t.text().indexOf('-') > 0 && t.capitalised() && !gazetteer.contains(t.text())) {
                parts = splitIfPlaces(t);
            }
            if (parts != null && out == null) {
                out = new ArrayList<>(tokens.subList(0, i));
            }
            if (out != null) {
                if (parts != null) {
                    out.addAll(parts);
                } else {
                    out.add(t);
                }
            }
        }
        return out == null ? tokens : out;
    }

    private List<Token> splitIfPlaces(Token t) {
        String[] parts = t.text().split("-");
        boolean anyKnown = false;
        for (String p : parts) {
            if (p.isEmpty() || !Character.isUpperCase(p.codePointAt(0))) {
                return null;
            }
            anyKnown |= gazetteer.contains(p);
        }
        if (!anyKnown) {
            return null;
        }
        List<Token> out = new ArrayList<>(parts.length);
        int offset = t.start();
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            out.add(new Token(
                    parts[i],
                    offset,
                    offset + parts[i].length(),
                    i == 0 && t.sentenceStart(),
                    i == 0 && t.joined(),
                    last && t.possessive()));
            offset += parts[i].length() + 1;
        }
        return out;
    }

    // ---------------------------------------------------------------- matching known names

    private void matchKnown(List<Token> toks, double weight, Map<String, Candidate> index, Registry registry) {
        int maxLen = Math.max(gazetteer.maxTokens(), registry.maxSurfaceTokens);
        int n = toks.size();
        int k = 0;
        while (k < n) {
            if (!toks.get(k).capitalised()) {
                k++;
                continue;
            }
            int matched = 0;
            for (int len = Math.min(maxLen, n - k); len >= 1 && matched == 0; len--) {
                if (!contiguous(toks, k, k + len)) {
                    continue;
                }
                String surface = join(toks, k, k + len);
                Candidate c = index.get(surface);
                if (c != null) {
                    c.mention(weight);
                    matched = len;
                } else {
                    Gazetteer.Entry entry = gazetteer.lookup(surface);
                    if (entry != null) {
                        registry.addGazetteer(entry, surface, weight);
                        matched = len;
                    }
                }
            }
            k += Math.max(1, matched);
        }
    }

    private static boolean contiguous(List<Token> toks, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (!toks.get(i).joined()) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<Token> toks, int from, int to) {
        if (to - from == 1) {
            return toks.get(from).text();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(toks.get(i).text());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- bookkeeping

    private record Pending(String surface, double weight) {}

    /** One entity being built. */
    private static final class Candidate {
        final String name;
        final boolean gazetteer;
        final int tokenCount;
        final String lastToken;
        final Set<String> surfaces = new LinkedHashSet<>();
        EntityKind type;
        int strength;
        int mentions;
        double weight;
        Candidate mergedInto;

        Candidate(String name, EntityKind type, int strength, boolean gazetteer, int tokenCount, String lastToken) {
            this.name = name;
            this.type = type;
            this.strength = strength;
            this.gazetteer = gazetteer;
            this.tokenCount = tokenCount;
            this.lastToken = lastToken;
        }

        void mention(double w) {
            Candidate target = this;
            while (target.mergedInto != null) {
                target = target.mergedInto;
            }
            target.mentions++;
            target.weight += w;
        }

        void evidence(EntityKind t, int s) {
            if (s > strength) {
                strength = s;
                type = t;
            }
        }
    }

    private static final class Registry {
        private final Map<String, Candidate> byKey = new LinkedHashMap<>();
        int maxSurfaceTokens = 1;

        void addGazetteer(Gazetteer.Entry entry, String surface, double weight) {
            Candidate c = byKey.computeIfAbsent(
                    "g:" + entry.canonical(),
                    k -> new Candidate(
                            entry.canonical(),
                            entry.type(),
                            STRENGTH_GAZETTEER,
                            true,
                            wordCount(entry.canonical()),
                            null));
            c.surfaces.add(surface);
            c.mention(entry.demonym() ? weight * DEMONYM_FACTOR : weight);
        }

        void add(String name, EntityKind type, int strength, String surface, int tokens, String last, double weight) {
            Candidate c =
                    byKey.computeIfAbsent("n:" + name, k -> new Candidate(name, type, strength, false, tokens, last));
            c.evidence(type, strength);
            c.surfaces.add(surface);
            maxSurfaceTokens = Math.max(maxSurfaceTokens, tokens);
            c.mention(weight);
        }

        /**
         * Country-dependent short forms ({@code Treasury}, {@code Parliament}, {@code Senate}): in an article whose
         * most-mentioned country (names and nationality words) has a body of that name in the alias table, the short
         * form is that body (HM Treasury, United States Department of the Treasury). Without such a country it stays
         * as it was.
         */
        void absorbTerms(Map<String, Gazetteer.Entry> terms) {
            // A capitalised form of a term (HIV, SARS) found as a name was already counted by addTerms.
            for (Candidate c : new ArrayList<>(byKey.values())) {
                Gazetteer.Entry e = c.gazetteer ? null : terms.get(c.name.toLowerCase(Locale.ROOT));
                Candidate target = e == null ? null : byKey.get("g:" + e.canonical());
                if (target != null && target != c) {
                    target.surfaces.addAll(c.surfaces);
                    c.mentions = 0;
                    c.weight = 0;
                    c.mergedInto = target;
                }
            }
        }

        void resolveContextual(Gazetteer gazetteer) {
            Candidate best = null;
            for (Candidate c : byKey.values()) {
                Gazetteer.Entry e = c.gazetteer ? gazetteer.lookup(c.name) : null;
                if (e != null && e.kind().equals("country") && (best == null || c.weight > best.weight)) {
                    best = c;
                }
            }
            if (best == null) {
                return;
            }
            for (Candidate c : new ArrayList<>(byKey.values())) {
                Gazetteer.Entry e =
                        c.gazetteer || c.mergedInto != null ? null : gazetteer.contextual(c.name, best.name);
                if (e == null) {
                    continue;
                }
                Candidate target = byKey.computeIfAbsent(
                        "g:" + e.canonical(),
                        k -> new Candidate(
                                e.canonical(), e.type(), STRENGTH_GAZETTEER, true, wordCount(e.canonical()), null));
                target.mentions += c.mentions;
                target.weight += c.weight;
                target.surfaces.add(c.name);
                target.surfaces.addAll(c.surfaces);
                c.mentions = 0;
                c.weight = 0;
                c.mergedInto = target;
            }
        }

        /** Merges one-word names into the only longer person name ending with that word. */
        void mergeSurnames() {
            List<Candidate> all = new ArrayList<>(byKey.values());
            Map<String, List<Candidate>> byLast = new HashMap<>();
            for (Candidate c : all) {
                if (!c.gazetteer && c.tokenCount >= 2 && isPersonLike(c)) {
                    byLast.computeIfAbsent(c.lastToken, k -> new ArrayList<>()).add(c);
                }
            }
            for (Candidate c : all) {
                if (c.gazetteer || c.tokenCount != 1 || !isPersonLike(c)) {
                    continue;
                }
                List<Candidate> full = byLast.getOrDefault(c.name, List.of());
                if (full.size() == 1) { // two people sharing the surname: ambiguous, no merge
                    Candidate target = full.get(0);
                    target.mentions += c.mentions;
                    target.weight += c.weight;
                    target.surfaces.addAll(c.surfaces);
                    target.evidence(EntityKind.PERSON, STRENGTH_CUE);
                    c.mentions = 0;
                    c.weight = 0;
                    c.mergedInto = target;
                }
            }
        }

        /** The legal form that ends a company name ({@code Mountleigh Group Plc}), however the name was typed. */
        private static final java.util.regex.Pattern CORPORATE_SUFFIX = java.util.regex.Pattern.compile(
                " (?:Inc|Corp|Corporation|Co|Ltd|Plc|PLC|plc|LLC|Group|Holdings|AG|SA|NV|GmbH)\\.?$");

        /** Institutions named after their town ({@code Bristol University}): the town alone is the place, not them. */
        private static final java.util.regex.Pattern PLACE_INSTITUTION = java.util.regex.Pattern.compile(
                "\\b(?:University|College|School|Council|Airport|Hospital|Police|Institute|City|County|United|Rovers"
                        + "|Athletic|Port|Station|Cathedral|Museum|Club|FC)\\b");

        /**
         * Merges a one-word name into the only longer organisation name that starts with it ({@code Federated} ->
         * Federated Department Stores Inc, {@code Mountleigh} -> Mountleigh Group Plc): a company's later short
         * mentions. Places and people (gazetteer names, surnames already merged) are left alone, and so is a word
         * that starts two different names.
         */
        void mergeShortOrganisationNames() {
            List<Candidate> all = new ArrayList<>(byKey.values());
            Map<String, List<Candidate>> byFirst = new HashMap<>();
            for (Candidate c : all) {
                if (!c.gazetteer
                        && c.mergedInto == null
                        && c.tokenCount >= 2
                        && ((c.type == EntityKind.ORGANIZATION
                                        && !PLACE_INSTITUTION.matcher(c.name).find())
                                || CORPORATE_SUFFIX.matcher(c.name).find())) {
                    byFirst.computeIfAbsent(c.name.substring(0, c.name.indexOf(' ')), k -> new ArrayList<>())
                            .add(c);
                }
            }
            for (Candidate c : all) {
                if (c.gazetteer
                        || c.mergedInto != null
                        || c.tokenCount != 1
                        || c.type == EntityKind.PERSON
                        || c.type == EntityKind.LOCATION) {
                    continue;
                }
                List<Candidate> full = byFirst.getOrDefault(c.name, List.of());
                if (full.size() == 1) {
                    Candidate target = full.get(0);
                    target.mentions += c.mentions;
                    target.weight += c.weight;
                    target.surfaces.addAll(c.surfaces);
                    target.surfaces.add(c.name);
                    c.mentions = 0;
                    c.weight = 0;
                    c.mergedInto = target;
                }
            }
        }

        private static boolean isPersonLike(Candidate c) {
            return c.type == EntityKind.PERSON || c.type == EntityKind.OTHER;
        }

        /** Every surface form and canonical name, mapped to its (merge target) candidate. */
        Map<String, Candidate> surfaceIndex() {
            Map<String, Candidate> index = new HashMap<>();
            Map<String, Candidate> surnames = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (Candidate c : byKey.values()) {
                Candidate target = c;
                while (target.mergedInto != null) {
                    target = target.mergedInto;
                }
                index.putIfAbsent(c.name, target);
                for (String s : c.surfaces) {
                    index.putIfAbsent(s, target);
                }
                if (target == c && !c.gazetteer && c.type == EntityKind.PERSON && c.tokenCount >= 2) {
                    Candidate other = surnames.putIfAbsent(c.lastToken, c);
                    if (other != null && other != c) {
                        ambiguous.add(c.lastToken);
                    }
                }
            }
            // A headline usually names a person by surname only ("Netanyahu Insists ...").
            surnames.forEach((surname, person) -> {
                if (!ambiguous.contains(surname)) {
                    index.putIfAbsent(surname, person);
                }
            });
            return index;
        }

        List<NamedEntity> entities() {
            Map<String, NamedEntity> byId = new LinkedHashMap<>();
            Map<String, Integer> strengthById = new HashMap<>();
            for (Candidate c : byKey.values()) {
                if (c.mergedInto != null || c.mentions == 0) {
                    continue;
                }
                String id = Slugs.slug(c.name);
                NamedEntity existing = byId.get(id);
                if (existing == null) {
                    byId.put(id, new NamedEntity(c.type, c.name, id, c.mentions, c.weight));
                    strengthById.put(id, c.strength);
                } else {
                    boolean stronger = c.strength > strengthById.get(id);
                    byId.put(
                            id,
                            new NamedEntity(
                                    stronger ? c.type : existing.type(),
                                    stronger ? c.name : existing.name(),
                                    id,
                                    existing.mentions() + c.mentions,
                                    existing.weight() + c.weight));
                    if (stronger) {
                        strengthById.put(id, c.strength);
                    }
                }
            }
            return byId.values().stream()
                    .sorted(Comparator.comparingInt(NamedEntity::mentions)
                            .reversed()
                            .thenComparing(Comparator.comparingDouble(NamedEntity::weight)
                                    .reversed())
                            .thenComparing(NamedEntity::name))
                    .limit(MAX_ENTITIES)
                    .map(x -> new NamedEntity(
                            x.type(), x.name(), x.id(), x.mentions(), Math.round(x.weight() * 100) / 100.0))
                    .toList();
        }

        private static int wordCount(String s) {
            return s.split(" ").length;
        }
    }
}
