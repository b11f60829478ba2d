package dev.voicebot.brain.llm;

import dev.voicebot.brain.llm.LocalModel.ChatMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces characters outside the Basic Multilingual Plane (emoji, rare CJK) by private-use BMP
 * characters that cross JNI's modified UTF-8 intact, and puts them back afterwards. Stand-ins are
 * chosen among private-use characters that do not occur in the texts.
 */
final class BmpShield {
    private static final BmpShield NONE = new BmpShield(Map.of());
    private final Map<Integer, Character> standIns;

    private BmpShield(Map<Integer, Character> standIns) {
        this.standIns = standIns;
    }

    static BmpShield of(String system, List<ChatMessage> messages) {
        StringBuilder all = new StringBuilder(system);
        messages.forEach(m -> all.append(m.content()));
        if (all.codePoints().noneMatch(Character::isSupplementaryCodePoint)) {
            return NONE;
        }
        Map<Integer, Character> standIns = new LinkedHashMap<>();
        char next = '\uE000';
        for (int cp : all.codePoints().filter(Character::isSupplementaryCodePoint).distinct().toArray()) {
            while (all.indexOf(String.valueOf(next)) >= 0) {
                next++;
            }
            if (next > '\uF8FF') {
                break; // more distinct emoji than stand-ins: the rest stay as they are
            }
            standIns.put(cp, next++);
        }
        return new BmpShield(standIns);
    }

    String hide(String text) {
        if (standIns.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            Character standIn = standIns.get(cp);
            if (standIn != null) {
                sb.append(standIn.charValue());
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    String restore(String text) {
        String out = text;
        for (Map.Entry<Integer, Character> e : standIns.entrySet()) {
            out = out.replace(String.valueOf(e.getValue().charValue()), new String(Character.toChars(e.getKey())));
        }
        return out;
    }
}
