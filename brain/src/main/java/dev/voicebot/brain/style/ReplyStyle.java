package dev.voicebot.brain.style;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.brain.emotion.Emotion;
import dev.voicebot.brain.emotion.EmotionEstimate;
import dev.voicebot.config.StyleConfig;
import java.util.List;

/**
 * How the robot words its replies: {@code tone}, {@code detail}, Korean {@code speechLevel}, the
 * {@code personaName} it uses for itself, and {@code soothing} (calm, de-escalating: set for one reply
 * when the user is upset). Immutable; {@link #with(StyleChange)} and {@link #adaptTo(EmotionEstimate)}
 * return new styles.
 */
public record ReplyStyle(Tone tone, Detail detail, SpeechLevel speechLevel, String personaName, boolean soothing) {
    /** Intensity from which an emotion changes how the robot answers. */
    public static final double ADAPT_FROM = 0.4;

    public ReplyStyle {
        ensureNotNull(tone, "tone");
        ensureNotNull(detail, "detail");
        ensureNotNull(speechLevel, "speechLevel");
        ensureNotBlank(personaName, "personaName");
    }

    public static ReplyStyle from(StyleConfig config) {
        ensureNotNull(config, "config");
        return new ReplyStyle(Tone.fromWire(config.tone()), Detail.fromWire(config.detail()),
                SpeechLevel.fromWire(config.speechLevel()), config.personaName(), false);
    }

    public ReplyStyle with(StyleChange change) {
        return ensureNotNull(change, "change").applyTo(this);
    }

    public ReplyStyle withAll(List<StyleChange> changes) {
        ReplyStyle s = this;
        for (StyleChange c : ensureNotNull(changes, "changes")) {
            s = s.with(c);
        }
        return s;
    }

    /**
     * The style for answering someone who feels {@code emotion}: calmer and shorter when they are
     * angry, warm and short when sad or afraid, unchanged otherwise. The user's chosen style comes back
     * for the next reply: keep the unadapted style and adapt a copy per reply.
     */
    public ReplyStyle adaptTo(EmotionEstimate emotion) {
        ensureNotNull(emotion, "emotion");
        if (emotion.intensity() < ADAPT_FROM) {
            return this;
        }
        return switch (emotion.primary()) {
            case ANGER -> new ReplyStyle(tone == Tone.FORMAL ? Tone.FORMAL : Tone.WARM, Detail.BRIEF, speechLevel, personaName, true);
            case SADNESS, FEAR -> new ReplyStyle(tone == Tone.FORMAL ? Tone.FORMAL : Tone.WARM,
                    detail == Detail.DETAILED ? Detail.NORMAL : detail, speechLevel, personaName, true);
            case JOY, NEUTRAL -> this;
        };
    }

    /** Most sentences a reply in this style should have; the runtime may cut a streamed reply there. */
    public int maxSentences() {
        return switch (detail) {
            case BRIEF -> 2;
            case NORMAL -> 4;
            case DETAILED -> 10;
        };
    }

    /**
     * Instructions for the LLM's system prompt, in English (models follow English instructions best),
     * with the Korean speech level spelled out for replies in Korean.
     */
    public String systemPromptFragment() {
        StringBuilder b = new StringBuilder();
        b.append("Your name is ").append(personaName).append(". ");
        b.append(switch (tone) {
            case WARM -> "Speak in a warm, kind and friendly way.";
            case NEUTRAL -> "Speak in a plain, neutral and matter-of-fact way.";
            case PLAYFUL -> "Speak in a playful, light-hearted way; a little gentle humour is welcome.";
            case FORMAL -> "Speak formally and courteously, like a professional assistant.";
        }).append(' ');
        b.append(switch (detail) {
            case BRIEF -> "Keep every answer brief: one or two short sentences.";
            case NORMAL -> "Keep answers short: at most four sentences.";
            case DETAILED -> "Give detailed answers with explanations when they help, in at most ten sentences.";
        }).append(' ');
        b.append(switch (speechLevel) {
            case POLITE -> "When you answer in Korean, always use polite speech (존댓말, 해요체), never 반말.";
            case CASUAL -> "When you answer in Korean, use casual speech (반말), as with a close friend.";
        });
        if (soothing) {
            b.append(" The user is upset right now: stay calm and gentle, acknowledge their feelings, do not argue or joke, and keep it short.");
        }
        return b.toString();
    }

    /** Whether a reply should open by acknowledging the user's feelings. */
    public boolean acknowledgeFeelings() {
        return soothing;
    }

    /** Convenience for callers that only hold an emotion and its intensity. */
    public ReplyStyle adaptTo(Emotion emotion, double intensity) {
        return adaptTo(new EmotionEstimate(emotion, intensity, java.util.Map.of(emotion, intensity), 0));
    }
}
