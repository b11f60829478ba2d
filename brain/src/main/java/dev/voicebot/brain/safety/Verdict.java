package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The filter's decision on one text. {@link Allow}: say or process it as it is. {@link Rewrite}: say
 * the softened {@code text} instead (robot output only). {@link Block}: do not pass it on; say
 * {@code reply} instead, a safe answer in the user's language (calm after abuse, supportive after
 * self-harm). Categories are those that counted towards the decision; score is 0 (harmless) to 1.
 */
public sealed interface Verdict permits Verdict.Allow, Verdict.Rewrite, Verdict.Block {
    Set<Category> categories();

    double score();

    /** {@code allow}, {@code rewrite} or {@code block}. */
    String wire();

    /** What to say or process in place of the checked text; empty for {@link Allow}. */
    Optional<String> replacement();

    default boolean allowed() {
        return this instanceof Allow;
    }

    record Allow(Set<Category> categories, double score) implements Verdict {
        public Allow {
            categories = immutable(categories);
            ensureRange(score, 0.0, 1.0, "score");
        }

        public static Allow clean() {
            return new Allow(Set.of(), 0.0);
        }

        @Override
        public String wire() {
            return "allow";
        }

        @Override
        public Optional<String> replacement() {
            return Optional.empty();
        }
    }

    record Rewrite(String text, Set<Category> categories, double score) implements Verdict {
        public Rewrite {
            ensureNotBlank(text, "text");
            categories = immutable(categories);
            ensureRange(score, 0.0, 1.0, "score");
        }

        @Override
        public String wire() {
            return "rewrite";
        }

        @Override
        public Optional<String> replacement() {
            return Optional.of(text);
        }
    }

    record Block(String reply, Set<Category> categories, double score) implements Verdict {
        public Block {
            ensureNotBlank(reply, "reply");
            categories = immutable(categories);
            ensureRange(score, 0.0, 1.0, "score");
        }

        @Override
        public String wire() {
            return "block";
        }

        @Override
        public Optional<String> replacement() {
            return Optional.of(reply);
        }
    }

    private static Set<Category> immutable(Set<Category> categories) {
        ensureNotNull(categories, "categories");
        return categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }
}
