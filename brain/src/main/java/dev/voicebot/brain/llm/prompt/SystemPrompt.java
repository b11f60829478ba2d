package dev.voicebot.brain.llm.prompt;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import java.util.Locale;

/**
 * The system prompt of every LLM turn: the persona, the caller's response-style fragment, the language
 * to answer in (the one the user spoke), and the answer format with the commands the robot has, listed
 * from the command vocabulary. Written in English, which small instruction-tuned models follow best;
 * the reply language is stated explicitly so that Korean in gives Korean out.
 */
public final class SystemPrompt {
    private final String persona;
    private final CommandVocabulary vocabulary;
    private final int maxIntents;

    public SystemPrompt(String persona, CommandVocabulary vocabulary, int maxIntents) {
        this.persona = ensureNotBlank(persona, "persona").strip();
        this.vocabulary = ensureNotNull(vocabulary, "vocabulary");
        this.maxIntents = maxIntents;
    }

    /** The prompt for an utterance in {@code language} (ISO 639-1), shaped by {@code style} (may be empty). */
    public String build(String language, String style) {
        String name = languageName(language);
        StringBuilder sb = new StringBuilder();
        sb.append(persona).append('\n');
        if (!style.isBlank()) {
            sb.append(style.strip()).append('\n');
        }
        sb.append('\n')
                .append("The user speaks ").append(name).append(". Write your reply in ").append(name)
                .append(" only, even though these instructions are in English.\n")
                .append('\n')
                .append("Answer with exactly one JSON object and nothing else:\n")
                .append("{\"reply\": \"<what you say aloud>\", \"intents\": [<commands for your body, in order>]}\n")
                .append("\"reply\" is spoken aloud: one to three short sentences, kind and honest, no lists or markup.\n")
                .append("\"intents\" holds at most ").append(maxIntents)
                .append(" commands; use [] when the user is only talking. These are the only commands you have:\n")
                .append(vocabulary.describe())
                .append("Never invent other commands or fields. If you are asked for something your body cannot do, "
                        + "say so kindly in the reply and use [].\n");
        return sb.toString();
    }

    /** "Korean" for {@code ko}, "English" for {@code en}; the code itself when Java does not know it. */
    public static String languageName(String language) {
        String code = language == null ? "" : language.strip();
        if (code.isEmpty()) {
            return "the user's language";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name;
    }
}
