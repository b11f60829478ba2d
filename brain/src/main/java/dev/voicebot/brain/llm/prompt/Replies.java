package dev.voicebot.brain.llm.prompt;

/** Short fixed replies for when the LLM has no usable answer, in the user's language (English otherwise). */
public final class Replies {
    private Replies() {
    }

    /** The model's output was unusable (malformed, cut off, or an error). */
    public static String noAnswer(String language) {
        return switch (language) {
            case "ko" -> "죄송해요, 지금은 대답을 드리지 못했어요. 다시 한 번 말씀해 주시겠어요?";
            default -> "Sorry, I could not come up with an answer just now. Could you say that again?";
        };
    }

    /** The utterance does not fit the model's context. */
    public static String tooLong(String language) {
        return switch (language) {
            case "ko" -> "죄송해요, 한 번에 듣기에는 너무 길어요. 조금 짧게 말씀해 주시겠어요?";
            default -> "Sorry, that is too long for me to take in at once. Could you say it more briefly?";
        };
    }
}
