package dev.voicebot.brain.fastpath;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table under {@code src/test/resources/fastpath/}: one utterance per line,
 * {@code utterance<TAB>expected}, where expected is a JSON array of intents or {@code none};
 * {@code #} starts a comment line.
 */
final class UtteranceTable {
    record Row(String table, int line, String utterance, String expected) {
        boolean isCommand() {
            return !expected.equals("none");
        }

        @Override
        public String toString() {
            return table + ":" + line + " \"" + utterance + "\"";
        }
    }

    private UtteranceTable() {
    }

    static List<Row> read(String name) {
        String resource = "/fastpath/" + name;
        try (InputStream in = UtteranceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test table " + resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 2 || cells[1].isBlank()) {
                    throw new IllegalStateException(resource + ":" + number + ": expected 'utterance<TAB>expected', got: " + line);
                }
                rows.add(new Row(name, number, cells[0], cells[1].strip()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
