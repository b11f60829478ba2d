package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Guards one streamed reply: feed it the LLM's text as it comes, speak what it returns. Each complete
 * sentence is checked before it is released: allowed sentences come out as they are, rewritten ones
 * softened; the first blocked sentence comes out as the safe fallback and ends the reply (everything
 * after it is dropped, since a reply that went wrong once is not trusted to recover). One guard per
 * reply; not thread-safe.
 */
public final class OutputGuard {
    /** A sentence ready to be spoken, and the verdict on the sentence the LLM produced. */
    public record Spoken(String text, Verdict verdict) {
        public Spoken {
            ensureNotBlank(text, "text");
            ensureNotNull(verdict, "verdict");
        }
    }

    private final SafetyFilter filter;
    private final String language;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final List<Verdict> verdicts = new ArrayList<>();
    private boolean stopped;

    public OutputGuard(SafetyFilter filter, String language) {
        this.filter = ensureNotNull(filter, "filter");
        this.language = ensureNotBlank(language, "language");
    }

    /** Adds streamed text; returns the sentences it completed, checked. Nothing once the reply was blocked. */
    public List<Spoken> push(String chunk) {
        ensureNotNull(chunk, "chunk");
        if (stopped) {
            return List.of();
        }
        return check(splitter.push(chunk));
    }

    /** The end of the reply: checks and returns the unfinished last sentence, if any. */
    public List<Spoken> finish() {
        Optional<String> rest = splitter.flush();
        if (stopped || rest.isEmpty()) {
            return List.of();
        }
        return check(List.of(rest.get()));
    }

    /** True once a sentence was blocked: the LLM's generation can be cancelled. */
    public boolean stopped() {
        return stopped;
    }

    /** Every verdict so far, in order (for events and the audit log). */
    public List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    private List<Spoken> check(List<String> sentences) {
        List<Spoken> out = new ArrayList<>();
        for (String sentence : sentences) {
            Verdict v = filter.checkOutputSentence(sentence, language);
            verdicts.add(v);
            if (v instanceof Verdict.Block b) {
                out.add(new Spoken(b.reply(), b));
                stopped = true;
                return out;
            }
            out.add(new Spoken(v.replacement().orElse(sentence), v));
        }
        return out;
    }
}
