package dev.voicebot.brain.fastpath;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits English tokens into clauses at "," (clause punctuation), "and", "then", "and then",
 * "after that" and "afterwards". An "and" inside a number stays: "one hundred and eighty",
 * "one and a half", "a meter and a half"; so does the one of "go ahead and ...". Empty clauses are
 * dropped.
 */
final class EnglishClauseSplitter {
    private static final PhraseTable<Boolean> CONNECTORS = PhraseTable.<Boolean>builder()
            .add(true, ",", "and", "then", "and then", "after that", "and after that", "afterwards", "and afterwards",
                    "after which", "followed by")
            .build();

    List<List<String>> split(List<String> tokens) {
        List<List<String>> clauses = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < tokens.size()) {
            var connector = CONNECTORS.longest(tokens, i);
            boolean and = tokens.get(i).equals("and");
            if (connector.isPresent() && !(and && (insideNumber(tokens, i) || goAheadAnd(tokens, start, i)))) {
                add(clauses, tokens.subList(start, i));
                i = connector.get().end();
                start = i;
            } else {
                i++;
            }
        }
        add(clauses, tokens.subList(start, tokens.size()));
        return clauses;
    }

    /** "go ahead and turn left": the "and" belongs to the politeness phrase. */
    private static boolean goAheadAnd(List<String> t, int start, int and) {
        return and - start >= 2 && t.get(and - 1).equals("ahead") && t.get(and - 2).equals("go")
                && (and - start == 2 || EnglishLexicon.PREFIXES.longest(t, start).map(m -> m.end() == and - 2).orElse(false));
    }

    private static boolean insideNumber(List<String> t, int and) {
        String next = and + 1 < t.size() ? t.get(and + 1) : "";
        String afterNext = and + 2 < t.size() ? t.get(and + 2) : "";
        if (next.equals("a") && (afterNext.equals("half") || afterNext.equals("quarter"))) {
            return true;
        }
        String prev = and > 0 ? t.get(and - 1) : "";
        return EnglishNumbers.isNumberToken(prev) && EnglishNumbers.isNumberToken(next);
    }

    private static void add(List<List<String>> clauses, List<String> clause) {
        if (!clause.isEmpty()) {
            clauses.add(List.copyOf(clause));
        }
    }
}
