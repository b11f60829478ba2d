package dev.voicebot.brain.fastpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Groups Korean lexemes into clauses. Korean puts the verb last, so each verb closes a clause
 * ("앞으로 1미터 가고 | 오른쪽으로 돌아"); connectors (그리고, 그 다음에, 나서, ",") may only stand
 * between clauses. Fillers are dropped. Words left without a verb reject the text.
 */
final class KoreanClauseSplitter {

    Optional<List<KoreanClause>> split(List<KoreanLexeme> lexemes) {
        List<KoreanClause> clauses = new ArrayList<>();
        List<KoreanLexeme> pending = new ArrayList<>();
        for (KoreanLexeme lexeme : lexemes) {
            if (lexeme instanceof KoreanLexeme.Filler) {
                continue;
            }
            if (lexeme instanceof KoreanLexeme.Connector) {
                if (!pending.isEmpty()) {
                    return Optional.empty(); // "왼쪽으로 그리고 가": a connector inside a clause
                }
                continue;
            }
            if (lexeme instanceof KoreanLexeme.Verb verb) {
                clauses.add(new KoreanClause(pending, verb));
                pending.clear();
                continue;
            }
            pending.add(lexeme);
        }
        if (!pending.isEmpty()) {
            return Optional.empty(); // "오른쪽으로": no verb
        }
        return Optional.of(clauses);
    }
}
