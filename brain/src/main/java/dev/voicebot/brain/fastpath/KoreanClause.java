package dev.voicebot.brain.fastpath;

import java.util.List;

/** One Korean clause: what was said before the verb, and the verb that closes it. */
record KoreanClause(List<KoreanLexeme> modifiers, KoreanLexeme.Verb verb) {
    KoreanClause {
        modifiers = List.copyOf(modifiers);
    }
}
