package dev.voicebot.brain.fastpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The English command grammar. An utterance is split into clauses; each clause is
 * {@code [prefixes] [speed/amount] head modifier*}, where the head is a verb phrase ("move",
 * "turn your head", "take a bow") and every later token must be read as a complement of that verb,
 * an amount, a speed, a direction or a filler word. One unknown word rejects the whole utterance:
 * "turn the music up" is not a turn. A question mark makes the utterance a question unless it is a
 * polite request ("can you turn left?"); questions are not commands.
 */
final class EnglishClauseGrammar {
    private final EnglishClauseSplitter splitter = new EnglishClauseSplitter();

    /** The clauses of a command, or empty when the text is not one. */
    Optional<List<CommandClause>> parse(NormalizedText text) {
        List<CommandClause> out = new ArrayList<>();
        boolean first = true;
        for (List<String> tokens : splitter.split(text.tokens())) {
            int from = 0;
            while (from < tokens.size()) {
                Optional<Parsed> parsed = parseClause(tokens, from);
                if (parsed.isEmpty()) {
                    return Optional.empty();
                }
                Parsed p = parsed.get();
                from = p.end();
                if (p.clause() == null) {
                    continue; // "robot," or "okay then": nothing but fillers
                }
                if (first && text.question() && !p.request()) {
                    return Optional.empty(); // "turn left?" / "should I turn left?" is a question
                }
                first = false;
                out.add(p.clause());
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
    }

    /** {@code clause} is null when the tokens were only fillers; {@code end} is where the clause stopped. */
    private record Parsed(CommandClause clause, boolean request, int end) {
    }

    /**
     * Reads one clause from {@code from}. It normally runs to the end of the tokens; when a word does not
     * fit but starts a new verb phrase, the clause ends there: speech recognition often drops the "and"
     * of "move forward two meters (and) turn right".
     */
    private Optional<Parsed> parseClause(List<String> t, int from) {
        ClauseBuilder b = new ClauseBuilder();
        int i = from;
        boolean request = false;
        boolean modifierSeen = false;
        boolean progress = true;
        while (i < t.size() && progress) {
            progress = false;
            var prefix = EnglishLexicon.PREFIXES.longest(t, i);
            if (prefix.isPresent()) {
                request |= prefix.get().value() == EnglishLexicon.Prefix.REQUEST;
                i = prefix.get().end();
                progress = true;
                continue;
            }
            var speed = EnglishLexicon.SPEED_WORDS.longest(t, i);
            if (speed.isPresent()) {
                if (!b.speed(new Speed.Factor(speed.get().value()))) {
                    return Optional.empty();
                }
                i = speed.get().end();
                modifierSeen = true;
                progress = true;
                continue;
            }
            var small = EnglishLexicon.SMALL_AMOUNTS.longest(t, i);
            if (small.isPresent()) {
                b.small();
                i = small.get().end();
                modifierSeen = true;
                progress = true;
            }
        }
        if (i >= t.size()) {
            // Only fillers ("robot,", "okay then"); but "slowly" or "can you" alone is not a command.
            return modifierSeen || request ? Optional.empty() : Optional.of(new Parsed(null, false, i));
        }
        var head = EnglishLexicon.HEADS.longest(t, i);
        if (head.isPresent()) {
            EnglishLexicon.Head h = head.get().value();
            b.action(h.action());
            if (h.implied() != null) {
                b.direction(h.implied());
            }
            if (!Double.isNaN(h.defaultAngleDeg())) {
                b.defaultAngle(h.defaultAngleDeg());
            }
            i = head.get().end();
        } else if (startsVerblessTurn(t, i)) {
            b.action(Action.TURN); // "a quarter turn to the left", "u-turn"
        } else {
            return Optional.empty();
        }
        while (i < t.size()) {
            int next = modifier(b, t, i);
            if (next < 0) {
                if (EnglishLexicon.HEADS.longest(t, i).isPresent()) {
                    break; // the next command starts here
                }
                return Optional.empty();
            }
            i = next;
        }
        boolean polite = request;
        int end = i;
        return b.build().map(c -> new Parsed(c, polite, end));
    }

    private static boolean startsVerblessTurn(List<String> t, int i) {
        var q = EnglishQuantities.parse(t, i);
        if (q.isPresent() && !q.get().perSecond() && q.get().quantity().unit() == Quantity.Unit.REVOLUTION) {
            return true;
        }
        var d = EnglishLexicon.DIRECTIONS.longest(t, i);
        String w = t.get(i);
        return d.isPresent() && d.get().value() == Direction.AROUND && (w.equals("u") || w.equals("uturn"));
    }

    /** Reads one modifier at {@code i}; returns the next position, or -1 when nothing fits. */
    private static int modifier(ClauseBuilder b, List<String> t, int i) {
        PhraseTable<Boolean> complements = EnglishLexicon.COMPLEMENTS.get(b.action());
        if (complements != null) {
            var c = complements.longest(t, i);
            if (c.isPresent()) {
                return c.get().end();
            }
        }
        var speedWord = EnglishLexicon.SPEED_WORDS.longest(t, i);
        if (speedWord.isPresent()) {
            return b.speed(new Speed.Factor(speedWord.get().value())) ? speedWord.get().end() : -1;
        }
        var quantity = EnglishQuantities.parse(t, i);
        if (quantity.isPresent()) {
            var q = quantity.get();
            boolean ok = q.perSecond() ? b.speed(new Speed.PerSecond(q.quantity())) : b.quantity(q.quantity());
            return ok ? q.end() : -1;
        }
        var lead = EnglishLexicon.SPEED_LEAD.longest(t, i);
        if (lead.isPresent()) {
            var perSecond = EnglishQuantities.parse(t, lead.get().end());
            if (perSecond.isPresent() && perSecond.get().perSecond()) {
                return b.speed(new Speed.PerSecond(perSecond.get().quantity())) ? perSecond.get().end() : -1;
            }
        }
        var small = EnglishLexicon.SMALL_AMOUNTS.longest(t, i);
        if (small.isPresent()) {
            b.small();
            return small.get().end();
        }
        var direction = EnglishLexicon.DIRECTIONS.longest(t, i);
        if (direction.isPresent()) {
            b.direction(direction.get().value());
            return direction.get().end();
        }
        var filler = EnglishLexicon.FILLERS.longest(t, i);
        if (filler.isPresent()) {
            return filler.get().end();
        }
        return -1;
    }
}
