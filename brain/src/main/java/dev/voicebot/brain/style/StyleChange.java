package dev.voicebot.brain.style;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.InvalidValueException;

/** One change to the reply style that a user asked for (by voice, or over MQTT at run time). */
public sealed interface StyleChange permits StyleChange.SetTone, StyleChange.SetDetail, StyleChange.SetSpeechLevel,
        StyleChange.SetPersonaName {

    /** The style with this change applied. */
    ReplyStyle applyTo(ReplyStyle style);

    record SetTone(Tone tone) implements StyleChange {
        public SetTone {
            ensureNotNull(tone, "tone");
        }

        @Override
        public ReplyStyle applyTo(ReplyStyle s) {
            return new ReplyStyle(tone, s.detail(), s.speechLevel(), s.personaName(), s.soothing());
        }
    }

    record SetDetail(Detail detail) implements StyleChange {
        public SetDetail {
            ensureNotNull(detail, "detail");
        }

        @Override
        public ReplyStyle applyTo(ReplyStyle s) {
            return new ReplyStyle(s.tone(), detail, s.speechLevel(), s.personaName(), s.soothing());
        }
    }

    record SetSpeechLevel(SpeechLevel speechLevel) implements StyleChange {
        public SetSpeechLevel {
            ensureNotNull(speechLevel, "speechLevel");
        }

        @Override
        public ReplyStyle applyTo(ReplyStyle s) {
            return new ReplyStyle(s.tone(), s.detail(), speechLevel, s.personaName(), s.soothing());
        }
    }

    record SetPersonaName(String name) implements StyleChange {
        public SetPersonaName {
            ensureNotBlank(name, "name");
            name = name.strip();
            if (name.length() > 40 || !name.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} '\\-]*")) {
                throw new InvalidValueException("name", "\"" + name + "\"", "a name of letters, digits, spaces, ' or - (at most 40)");
            }
        }

        @Override
        public ReplyStyle applyTo(ReplyStyle s) {
            return new ReplyStyle(s.tone(), s.detail(), s.speechLevel(), name, s.soothing());
        }
    }
}
