package dev.voicebot.brain.fastpath;

import dev.voicebot.brain.fastpath.KoreanLexeme.BodyPart;
import dev.voicebot.brain.fastpath.KoreanLexeme.Mood;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Korean command grammar: lexes the text without spaces, splits it into verb-final clauses and
 * reads each clause. The verb's object decides its meaning (손 흔들어 = wave, 고개 흔들어 = shake the
 * head, 고개 돌려 = look, 몸 돌려 = turn). A serial verb ending in 인사해 ("손 흔들어 인사해",
 * "고개 숙여 인사해") is one greeting gesture, not two. With a question mark only a request phrased as
 * a question ("가 줄래?", "돌아 주시겠어요?") is a command: "앞으로 가요?" and "뒤로 가는 게 좋을까?"
 * are questions.
 */
final class KoreanClauseGrammar {
    private final KoreanLexer lexer = new KoreanLexer();
    private final KoreanClauseSplitter splitter = new KoreanClauseSplitter();

    Optional<List<CommandClause>> parse(NormalizedText text) {
        Optional<List<KoreanClause>> clauses = lexer.lex(text.compact()).flatMap(splitter::split);
        if (clauses.isEmpty() || clauses.get().isEmpty()) {
            return Optional.empty();
        }
        List<KoreanClause> list = clauses.get();
        if (text.question() && list.get(list.size() - 1).verb().mood() != Mood.REQUEST) {
            return Optional.empty();
        }
        List<CommandClause> out = new ArrayList<>();
        KoreanClause previous = null;
        CommandClause previousCommand = null;
        for (KoreanClause clause : list) {
            if (previousCommand != null && clause.verb().greeting() && clause.modifiers().isEmpty()
                    && previousCommand.action().isGesture() && previous.verb().mood() != Mood.AND_THEN) {
                continue; // 손 흔들어 인사해: the greeting is the gesture already made
            }
            Optional<CommandClause> command = read(clause);
            if (command.isEmpty()) {
                return Optional.empty();
            }
            out.add(command.get());
            previous = clause;
            previousCommand = command.get();
        }
        return Optional.of(List.copyOf(out));
    }

    private static Optional<CommandClause> read(KoreanClause clause) {
        ClauseBuilder b = new ClauseBuilder();
        BodyPart part = null;
        for (KoreanLexeme m : clause.modifiers()) {
            if (m instanceof KoreanLexeme.Amount a) {
                if (!b.quantity(a.quantity())) {
                    return Optional.empty();
                }
            } else if (m instanceof KoreanLexeme.Dir d) {
                b.direction(d.direction());
            } else if (m instanceof KoreanLexeme.SpeedWord s) {
                if (!b.speed(s.speed())) {
                    return Optional.empty();
                }
            } else if (m instanceof KoreanLexeme.Small) {
                b.small();
            } else if (m instanceof KoreanLexeme.Body body) {
                if (part != null && part != body.part()) {
                    return Optional.empty();
                }
                part = body.part();
            } else {
                return Optional.empty(); // a 초속 with no amount after it
            }
        }
        KoreanLexeme.Verb verb = clause.verb();
        Optional<Action> action = action(verb.sense(), part);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        b.action(action.get());
        if (verb.implied() != null) {
            b.direction(verb.implied());
        }
        if (verb.sense() == KoreanLexeme.Sense.LIFT) {
            b.direction(Direction.UP); // 고개 들어: look up
        }
        return b.build();
    }

    /** What a verb means with its object (or none). */
    private static Optional<Action> action(KoreanLexeme.Sense sense, BodyPart part) {
        boolean none = part == null;
        Action a = switch (sense) {
            case MOVE -> none || part == BodyPart.BODY ? Action.MOVE : null;
            case TURN -> none || part == BodyPart.BODY ? Action.TURN : null;
            case TURN_OBJECT -> part == BodyPart.HEAD ? Action.LOOK : (none || part == BodyPart.BODY ? Action.TURN : null);
            case LOOK -> none ? Action.LOOK : null;
            case LIFT -> part == BodyPart.HEAD ? Action.LOOK : null;
            case SHAKE -> part == BodyPart.HEAD ? Action.SHAKE_HEAD : (none || part == BodyPart.HAND ? Action.WAVE : null);
            case NOD -> none || part == BodyPart.HEAD ? Action.NOD : null;
            case SHAKE_HEAD -> none || part == BodyPart.HEAD ? Action.SHAKE_HEAD : null;
            case BOW -> none || part == BodyPart.HEAD || part == BodyPart.WAIST ? Action.BOW : null;
            case POINT -> none || part == BodyPart.HAND ? Action.POINT : null;
            case SIT -> none ? Action.SIT : null;
            case STAND -> none ? Action.STAND : null;
        };
        return Optional.ofNullable(a);
    }
}
