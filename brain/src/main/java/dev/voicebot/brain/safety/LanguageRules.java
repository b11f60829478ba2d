package dev.voicebot.brain.safety;

import java.util.List;
import java.util.Set;

/**
 * One language's knowledge for the safety filter: how harm is phrased, which contexts defuse it,
 * and the safe replies to give. The filter runs every bundle over every text (mixed-language
 * insults are common), and answers in the user's language. Add a language by adding a bundle;
 * {@link LexiconRules#load(String)} reads one from a rules resource.
 */
public interface LanguageRules {
    /** ISO 639-1 code, for example {@code en}. */
    String language();

    /** What in {@code text} is harmful when it travels in {@code direction}, after context was weighed. */
    List<Finding> scan(NormalizedText text, Direction direction);

    /** Words that masked tokens ({@code f*ck}) may stand for. */
    Set<String> maskVocabulary();

    /** Variants of a safe reply of a kind, in this language; never empty for the kinds in {@link ReplyKind}. */
    List<String> replies(ReplyKind kind);

    /** The reply kinds every bundle must provide. */
    enum ReplyKind {
        /** After abuse aimed at the robot: calm, not hurt, offering to go on. */
        CALM,
        /** After a threat: calm and firm. */
        THREAT,
        /** After an attack on a group of people. */
        IDENTITY,
        /** After an explicit sexual request. */
        SEXUAL,
        /** After a statement of self-harm, before the configured help lines. */
        SUPPORTIVE,
        /** In place of a robot sentence that cannot be said. */
        FALLBACK
    }
}
