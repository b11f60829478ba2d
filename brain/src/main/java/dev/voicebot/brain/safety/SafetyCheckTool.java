package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.brain.Languages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The line-by-line side of {@code robot safety check}: one text per input line, one JSON object per
 * output line: {@code {"text", "verdict": "allow"|"rewrite"|"block", "categories": [...], "score",
 * "rewrite"?, "reply"?}}. {@code rewrite} is the softened text of a rewrite verdict; {@code reply} the
 * safe answer that replaces a blocked text. The reply language is guessed per line from its script.
 */
public final class SafetyCheckTool {
    private final SafetyFilter filter;
    private final ObjectMapper json = JsonMapper.builder().build();

    public SafetyCheckTool(SafetyFilter filter) {
        this.filter = ensureNotNull(filter, "filter");
    }

    /** Checks every line of {@code in} until its end; returns how many lines were checked. */
    public int run(BufferedReader in, PrintStream out, Direction direction) throws IOException {
        ensureNotNull(in, "in");
        ensureNotNull(out, "out");
        ensureNotNull(direction, "direction");
        int n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            out.println(toJson(line, direction));
            out.flush();
            n++;
        }
        return n;
    }

    /** The JSON line for one text. */
    public String toJson(String text, Direction direction) {
        String language = Languages.guess(text);
        Verdict v = filter.check(text, direction, language);
        ObjectNode o = json.createObjectNode();
        o.put("text", text);
        o.put("verdict", v.wire());
        ArrayNode categories = o.putArray("categories");
        v.categories().forEach(c -> categories.add(c.wire()));
        o.put("score", BigDecimal.valueOf(v.score()).setScale(3, RoundingMode.HALF_UP));
        if (v instanceof Verdict.Rewrite r) {
            o.put("rewrite", r.text());
        } else if (v instanceof Verdict.Block b) {
            o.put("reply", b.reply());
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a safety verdict as JSON", e);
        }
    }
}
