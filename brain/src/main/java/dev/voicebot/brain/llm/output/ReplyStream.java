package dev.voicebot.brain.llm.output;

import java.util.function.Consumer;

/**
 * Follows a model's JSON output as it is generated and hands each complete sentence of the top-level
 * {@code "reply"} text to a listener, long before the document (and its intents) is complete. A small
 * JSON lexer tracks nesting, strings and escapes, so braces or quotes inside texts do not confuse it.
 * Only the first top-level {@code "reply"} string is followed. Not thread-safe: feed it from one thread.
 */
public final class ReplyStream {
    private final SentenceSplitter splitter;
    private final StringBuilder reply = new StringBuilder();

    private int depth;
    private boolean inString;
    private boolean escape;
    private int unicodeDigits = -1;
    private int unicodeValue;
    private boolean expectKey;
    private boolean stringIsKey;
    private boolean stringIsReply;
    private final StringBuilder key = new StringBuilder();
    private String lastKey = "";
    private boolean replyValueNext;
    private boolean replyDone;

    public ReplyStream(Consumer<String> onSentence) {
        this.splitter = new SentenceSplitter(onSentence);
    }

    /** Feeds the next piece of raw model output. */
    public void accept(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            step(chunk.charAt(i));
        }
    }

    /** The reply text decoded so far (all of it once {@link #replyComplete()}). */
    public String replySoFar() {
        return reply.toString();
    }

    public boolean replyComplete() {
        return replyDone;
    }

    private void step(char c) {
        if (inString) {
            inString(c);
            return;
        }
        switch (c) {
            case '{' -> {
                depth++;
                if (depth == 1) {
                    expectKey = true;
                }
                replyValueNext = false;
            }
            case '[' -> {
                depth++;
                replyValueNext = false;
            }
            case '}', ']' -> depth = Math.max(0, depth - 1);
            case ',' -> {
                if (depth == 1) {
                    expectKey = true;
                }
                replyValueNext = false;
            }
            case ':' -> {
                if (depth == 1 && lastKey.equals("reply") && !replyDone) {
                    replyValueNext = true;
                }
            }
            case '"' -> {
                inString = true;
                stringIsKey = depth == 1 && expectKey;
                stringIsReply = depth == 1 && !stringIsKey && replyValueNext;
                expectKey = false;
                replyValueNext = false;
                key.setLength(0);
            }
            default -> {
                if (!Character.isWhitespace(c)) {
                    replyValueNext = false;
                }
            }
        }
    }

    private void inString(char c) {
        if (unicodeDigits >= 0) {
            int d = Character.digit(c, 16);
            unicodeValue = unicodeValue * 16 + Math.max(d, 0);
            if (++unicodeDigits == 4) {
                unicodeDigits = -1;
                character((char) unicodeValue);
            }
            return;
        }
        if (escape) {
            escape = false;
            switch (c) {
                case 'n' -> character('\n');
                case 't' -> character('\t');
                case 'r' -> character('\r');
                case 'b' -> character('\b');
                case 'f' -> character('\f');
                case 'u' -> {
                    unicodeDigits = 0;
                    unicodeValue = 0;
                }
                default -> character(c);
            }
            return;
        }
        if (c == '\\') {
            escape = true;
        } else if (c == '"') {
            inString = false;
            if (stringIsKey) {
                lastKey = key.toString();
            }
            if (stringIsReply) {
                replyDone = true;
                splitter.flush();
            }
            stringIsKey = false;
            stringIsReply = false;
        } else {
            character(c);
        }
    }

    private void character(char c) {
        if (stringIsKey) {
            key.append(c);
        } else if (stringIsReply) {
            reply.append(c);
            splitter.append(c);
        }
    }
}
